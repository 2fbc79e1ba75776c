/**
 * Delivers spikes through synapses after their delays (Brian's SpikeQueue), as a ring buffer of
 * time steps. Synapses are stored by source neuron (CSR: `rowStart`, `rowSynapses`, the latter
 * left out when synapses are already in source order), so a spike costs one pass over its row.
 * With one delay for all synapses the ring holds spiking neurons, whose rows are handed out on
 * delivery as [first, end) pairs (synapses in source order) or expanded into a list; with
 * per-synapse delays it holds synapse indices.
 * Nothing is allocated per spike once the buffers have grown.
 */
export class SpikeQueue {
  private readonly ring: Int32Array[];
  private fill: Int32Array;
  private current = 0;
  /** pop() hands out rows (one delay, synapses in source order, 2 or more per row on average). */
  private readonly walkRows: boolean;

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
    const nSources = rowStart.length - 1;
    this.walkRows = typeof delays === 'number' && rowSynapses === null && rowStart[nSources] >= 2 * nSources;
  }

  /**
   * @param sourceIndex the source neuron (relative) of each synapse
   * @param nSources number of source neurons
   * @param delaySteps per-synapse delays in steps (all equal → homogeneous queue)
   * @param perSynapse hold synapses even when the delays are equal (spikes of one source split
   *   over several steps, restored from another queue)
   */
  static build(
    sourceIndex: ArrayLike<number>,
    nSources: number,
    delaySteps: ArrayLike<number>,
    perSynapse = false,
  ): SpikeQueue {
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
    if (homogeneous && !perSynapse) {
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

  /**
   * Writes the synapses due now into `out` and moves to the next step. Returns their number n,
   * the synapses in out[0 … n-1]; or, where they are rows of consecutive synapse numbers (one
   * delay, synapses in source order, rows of 2 or more on average), -r for r rows, row k being
   * the synapses out[2k] … out[2k+1] - 1 (a pathway's kernel walks them: no list of every due
   * synapse is written and read back). `out` holds the due synapses of every source at once,
   * and its last place the count.
   */
  pop(out: Int32Array): number {
    const slot = this.current;
    const buf = this.ring[slot];
    const f = this.fill[slot];
    let n = 0;
    // The pairs fit before the count at the end (out has a place per synapse, and walkRows means
    // 2 or more synapses per source), unless a restored state queued a source twice in one step
    // (setState): a list then.
    if (this.walkRows && 2 * f < out.length) {
      const rowStart = this.rowStart;
      for (let k = 0; k < f; k++) {
        const src = buf[k];
        const first = rowStart[src];
        const end = rowStart[src + 1];
        if (end === first) continue;
        out[n++] = first;
        out[n++] = end;
      }
      n = -(n >> 1);
    } else if (typeof this.delays === 'number') {
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

  /**
   * The spikes in flight, as the synapses due 0, 1, 2, … steps from now (for store()/restore()
   * and for moving them into a queue rebuilt with other synapses or delays).
   */
  getState(): PendingSpikes {
    const size = this.ring.length;
    const slots: number[][] = [];
    for (let k = 0; k < size; k++) {
      const slot = (this.current + k) % size;
      const f = this.fill[slot];
      if (typeof this.delays === 'number') {
        const synapses: number[] = [];
        for (let q = 0; q < f; q++) {
          const src = this.ring[slot][q];
          for (let r = this.rowStart[src]; r < this.rowStart[src + 1]; r++) {
            synapses.push(this.rowSynapses ? this.rowSynapses[r] : r);
          }
        }
        slots.push(synapses);
      } else slots.push(Array.from(this.ring[slot].subarray(0, f)));
    }
    while (slots.length > 0 && slots[slots.length - 1].length === 0) slots.pop();
    return { slots };
  }

  /**
   * Replaces the spikes in flight by `state` (an empty state clears the queue). Returns false,
   * changing nothing, when this queue cannot hold them: a queue with one delay holds whole rows,
   * so the synapses of one source must all be due in the same step.
   */
  setState(state: PendingSpikes): boolean {
    let entries: number[][] = state.slots;
    if (typeof this.delays === 'number') {
      const rows = this.rowsOf(state.slots);
      if (!rows) return false;
      entries = rows;
    }
    this.fill.fill(0);
    this.current = 0;
    while (this.ring.length < entries.length) {
      this.ring.push(new Int32Array(16));
    }
    const grown = new Int32Array(this.ring.length);
    grown.set(this.fill.subarray(0, Math.min(this.fill.length, grown.length)));
    this.fill = grown;
    entries.forEach((list, k) => {
      if (list.length > this.ring[k].length) this.grow(k, list.length);
      this.ring[k].set(list);
      this.fill[k] = list.length;
    });
    return true;
  }

  /** For a queue with one delay: each slot's synapses as whole rows (source neurons), or undefined. */
  private rowsOf(slots: readonly (readonly number[])[]): number[][] | undefined {
    const n = this.rowStart[this.rowStart.length - 1];
    const sourceOf = new Int32Array(n);
    for (let src = 0; src + 1 < this.rowStart.length; src++) {
      for (let r = this.rowStart[src]; r < this.rowStart[src + 1]; r++) {
        sourceOf[this.rowSynapses ? this.rowSynapses[r] : r] = src;
      }
    }
    const rows: number[][] = [];
    for (const synapses of slots) {
      const counts = new Map<number, number>();
      for (const syn of synapses) {
        if (syn >= n) return undefined;
        counts.set(sourceOf[syn], (counts.get(sourceOf[syn]) ?? 0) + 1);
      }
      for (const [src, c] of counts)
        if (c % (this.rowStart[src + 1] - this.rowStart[src]) !== 0) return undefined;
      const row: number[] = [];
      for (const [src, c] of counts)
        for (let m = 0; m < c / (this.rowStart[src + 1] - this.rowStart[src]); m++) row.push(src);
      rows.push(row);
    }
    return rows;
  }
}

/** Spikes in flight: `slots[k]` lists the synapses due `k` steps from now (k = 0 at the next step). */
export interface PendingSpikes {
  readonly slots: number[][];
}

/**
 * Spikes in flight moved to a new time step, as Brian's `SpikeQueue.prepare` converts them: the
 * spikes due `k` steps from now become due `round(k·oldDt/newDt)` steps from now.
 */
export function rescalePending(state: PendingSpikes, oldDt: number, newDt: number): PendingSpikes {
  if (oldDt === newDt || oldDt === 0) return state;
  const slots: number[][] = [];
  state.slots.forEach((synapses, k) => {
    const at = Math.round((k * oldDt) / newDt);
    while (slots.length <= at) slots.push([]);
    slots[at].push(...synapses);
  });
  return { slots };
}

/** The synapses a pop() returning `n` wrote into `out`, as a list (tests, debugging). */
export function dueSynapses(out: Int32Array, n: number): number[] {
  if (n >= 0) return Array.from(out.subarray(0, n));
  const list: number[] = [];
  for (let k = 0; k < -n; k++) for (let syn = out[2 * k]; syn < out[2 * k + 1]; syn++) list.push(syn);
  return list;
}
