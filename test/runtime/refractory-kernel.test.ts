/**
 * The refractoriness test of a state update (`(unless refractory)`) compiles to one comparison
 * per neuron with a threshold computed per call (bound-timestep-comparisons.ts,
 * core/math/quotient-threshold.ts), and the update of `v` to one select (specialize-booleans.ts,
 * `narrowSelectedLocals`). The results are those of the division it replaces, bit for bit.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDevice, resetDevice } from '../../src/devices/active.ts';
import type { RuntimeDevice } from '../../src/devices/runtime/runtime-device.ts';
import { ms, Network, SpikeMonitor, seed, setDevice, startScope } from '../../src/index.ts';
import { refractoryLif } from './refractory-lif.ts';

/** The network on the runtime device with JavaScript kernels (CI also runs the suite with compiled ones). */
function lif(): { v: Float64Array; spikes: Float64Array; source: string } {
  setDevice('runtime', { target: 'js', simd: false });
  startScope();
  seed(4321);
  const G = refractoryLif(500);
  const M = new SpikeMonitor(G);
  new Network(G, M).run(ms(100));
  const device = getDevice() as unknown as RuntimeDevice;
  const source = [...device.sources].find(([name]) => name.includes('stateupdater'))?.[1] ?? '';
  resetDevice();
  return {
    v: Float64Array.from(G.v_ as ArrayLike<number>),
    spikes: Float64Array.from(M.t_ as ArrayLike<number>),
    source,
  };
}

describe('refractoriness in the state update', () => {
  it('is one comparison and one select per neuron, without a division', () => {
    const { source } = lif();
    const start = source.indexOf('for (let _idx');
    assert.ok(start >= 0, 'the state update kernel was compiled');
    const loop = source.slice(start);
    assert.doesNotMatch(loop, /\/ dt\b/, loop);
    assert.equal(loop.match(/\?/g)?.length, 1, loop);
  });

  it('gives the bits of the division it replaces', () => {
    const fast = lif();
    process.env.BRIAN_DISABLE_PASSES = 'timestep-bounds';
    let exact: ReturnType<typeof lif>;
    try {
      exact = lif();
    } finally {
      delete process.env.BRIAN_DISABLE_PASSES;
    }
    assert.ok(exact.source.includes('/ dt'), 'the reference run divides');
    assert.ok(fast.spikes.length > 300, `neurons fire (${fast.spikes.length} spikes)`);
    assert.deepEqual(fast.spikes, exact.spikes);
    assert.deepEqual(fast.v, exact.v);
  });
});
