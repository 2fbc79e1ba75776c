/**
 * Delivers spikes through synapses after their delays (Brian's SpikeQueue), as a ring buffer of
 * time steps. Synapses are stored by source neuron (CSR: `rowStart`, `rowSynapses`, the latter
 * left out when synapses are already in source order), so a spike costs one pass over its row. With one delay for all synapses the ring holds spiking neurons
 * and rows are expanded on delivery; with per-synapse delays it holds synapse indices.
 * Nothing is allocated per spike once the buffers have grown.
 */
export class SpikeQueue {
  private readonly ring: Int32Array[];
  private readonly fill: Int32Array;
  private current = 0;

  private constructor(
    private readonly rowStart: Int32Array,
    /**
     * The synapses of each row, or null when synapses are numbered in source order (what
     * connect() with a condition or a probability creates): then row r holds synapse r, and
     * neither the 4 bytes per synapse nor a cache miss per spiking neuron are spent on it.
     */
    private readonly rowSynapses: Int32Array | null,
    /** Delay of every synapse in steps, or one value for all. */
    private readonly delays: Int32Array | number,
    ringSize: number,
    slotCapacity: number,
  ) {
    this.ring = Array.from({ length: ringSize }, () => new Int32Array(Math.max(16, slotCapacity)));
    this.fill = new Int32Array(ringSize);
  }

  /**
   * @param sourceIndex the source neuron (relative) of each synapse
   * @param nSources number of source neurons
   * @param delaySteps per-synapse delays in steps (all equal → homogeneous queue)
   */
  static build(sourceIndex: ArrayLike<number>, nSources: number, delaySteps: ArrayLike<number>): SpikeQueue {
    const n = sourceIndex.length;
    const rowStart = new Int32Array(nSources + 1);
    for (let s = 0; s < n; s++) rowStart[sourceIndex[s] + 1]++;
    for (let k = 0; k < nSources; k++) rowStart[k + 1] += rowStart[k];
    let ordered = true;
    for (let s = 1; s < n && ordered; s++) ordered = sourceIndex[s] >= sourceIndex[s - 1];
    let rowSynapses: Int32Array | null = null;
    if (!ordered) {
      const next = rowStart.slice(0, nSources);
      rowSynapses = new Int32Array(n);
      for (let s = 0; s < n; s++) rowSynapses[next[sourceIndex[s]]++] = s;
    }
    let homogeneous = true;
    let maxDelay = 0;
    for (let s = 0; s < n; s++) {
      if (delaySteps[s] !== delaySteps[0]) homogeneous = false;
      if (delaySteps[s] > maxDelay) maxDelay = delaySteps[s];
    }
    if (homogeneous) {
      return new SpikeQueue(rowStart, rowSynapses, n > 0 ? delaySteps[0] : 0, maxDelay + 1, nSources);
    }
    return new SpikeQueue(rowStart, rowSynapses, Int32Array.from(delaySteps), maxDelay + 1, 64);
  }

  get homogeneous(): boolean {
    return typeof this.delays === 'number';
  }

  /** Queues the synapses of the given source neurons (relative indices). */
  push(sources: ArrayLike<number>, count: number): void {
    const size = this.ring.length;
    if (typeof this.delays === 'number') {
      const slot = (this.current + this.delays) % size;
      let buf = this.ring[slot];
      let f = this.fill[slot];
      if (f + count > buf.length) buf = this.grow(slot, f + count);
      for (let k = 0; k < count; k++) buf[f++] = sources[k];
      this.fill[slot] = f;
      return;
    }
    const delays = this.delays;
    for (let k = 0; k < count; k++) {
      const src = sources[k];
      for (let r = this.rowStart[src]; r < this.rowStart[src + 1]; r++) {
        const syn = this.rowSynapses ? this.rowSynapses[r] : r;
        const slot = (this.current + delays[syn]) % size;
        let buf = this.ring[slot];
        const f = this.fill[slot];
        if (f === buf.length) buf = this.grow(slot, f + 1);
        buf[f] = syn;
        this.fill[slot] = f + 1;
      }
    }
  }

  /** Writes the synapses due now into `out` and moves to the next step; returns their number. */
  pop(out: Int32Array): number {
    const slot = this.current;
    const buf = this.ring[slot];
    const f = this.fill[slot];
    let n = 0;
    if (typeof this.delays === 'number') {
      const rowStart = this.rowStart;
      const rowSynapses = this.rowSynapses;
      if (rowSynapses === null) {
        for (let k = 0; k < f; k++) {
          const src = buf[k];
          for (let r = rowStart[src], end = rowStart[src + 1]; r < end; r++) out[n++] = r;
        }
      } else {
        for (let k = 0; k < f; k++) {
          const src = buf[k];
          for (let r = rowStart[src], end = rowStart[src + 1]; r < end; r++) out[n++] = rowSynapses[r];
        }
      }
    } else {
      for (let k = 0; k < f; k++) out[k] = buf[k];
      n = f;
    }
    this.fill[slot] = 0;
    this.current = (slot + 1) % this.ring.length;
    return n;
  }

  private grow(slot: number, needed: number): Int32Array {
    let cap = this.ring[slot].length * 2;
    while (cap < needed) cap *= 2;
    const bigger = new Int32Array(cap);
    bigger.set(this.ring[slot].subarray(0, this.fill[slot]));
    this.ring[slot] = bigger;
    return bigger;
  }

  /** Pending spikes, for store()/restore(). */
  getState(): { current: number; slots: number[][] } {
    return {
      current: this.current,
      slots: this.ring.map((b, k) => Array.from(b.subarray(0, this.fill[k]))),
    };
  }

  setState(state: { current: number; slots: number[][] }): void {
    if (state.slots.length !== this.ring.length) return;
    this.current = state.current;
    state.slots.forEach((s, k) => {
      if (s.length > this.ring[k].length) this.grow(k, s.length);
      this.ring[k].set(s);
      this.fill[k] = s.length;
    });
  }
}
