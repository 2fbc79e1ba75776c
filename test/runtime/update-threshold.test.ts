/**
 * A group's threshold in its state update's SIMD loop (compiler/4-generate/wasm/update-threshold.ts,
 * StateUpdater.absorbLater): where every runner between the two commutes with the threshold, the
 * runtime device's JavaScript kernels with `simd` fuse them; the spike space, the refractoriness
 * bookkeeping and everything downstream must be what the two kernels give one after the other
 * (`simd: false`), to the bit. Where something between them touches the threshold's arrays, or
 * the threshold cannot run as SIMD, or the update's loop is large, they stay apart and
 * `kernelTargets` says why. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDevice, resetDevice } from '../../src/devices/active.ts';
import type { RuntimeDevice } from '../../src/devices/runtime/runtime-device.ts';
import type { BrianObject } from '../../src/network/brian-object.ts';
import {
  EventMonitor,
  linkedVar,
  ms,
  Network,
  NeuronGroup,
  networkOperation,
  PopulationRateMonitor,
  SpikeMonitor,
  seed,
  setDevice,
  startScope,
} from '../../src/node.ts';
import { cobahhGroup } from './cobahh-group.ts';

/** The objects to run and what to compare after the run. */
type Scenario = () => { objects: BrianObject[]; read: () => Record<string, ArrayLike<number>> };

function simulate(simd: boolean, scenario: Scenario, duration = 20) {
  setDevice('runtime', { target: 'js', simd });
  startScope();
  seed(7);
  const { objects, read } = scenario();
  new Network(...objects).run(ms(duration), { checkFinite: false });
  const targets = new Map((getDevice() as unknown as RuntimeDevice).kernelTargets);
  const values = Object.fromEntries(Object.entries(read()).map(([k, v]) => [k, Float64Array.from(v)]));
  resetDevice();
  return { values, targets };
}

/** Runs with and without SIMD; every value equal as Object.is sees it. The SIMD run's kernel targets. */
function compare(scenario: Scenario, duration?: number): ReadonlyMap<string, string> {
  const simd = simulate(true, scenario, duration);
  const js = simulate(false, scenario, duration);
  for (const [name, expected] of Object.entries(js.values)) {
    const actual = simd.values[name];
    assert.equal(actual.length, expected.length, `${name}: length`);
    for (let k = 0; k < actual.length; k++)
      if (!Object.is(actual[k], expected[k]))
        assert.fail(`${name}[${k}]: ${actual[k]} (SIMD) vs ${expected[k]} (JS)`);
  }
  return simd.targets;
}

const FUSED = "wasm: in neurongroup_stateupdater's loop";

/** A refractory LIF group with a threshold per neuron, driven hard enough that most neurons fire. */
function lif(n: number, extra: Record<string, unknown> = {}): NeuronGroup {
  const group = new NeuronGroup(
    n,
    `dv/dt = (I - v) / (10*ms) : 1 (unless refractory)
     vt : 1 (constant)
     I : 1 (shared)`,
    { threshold: 'v > vt', reset: 'v = 0', refractory: ms(1.5), method: 'exact', ...extra },
  );
  group.v = 'rand()';
  group.vt = '0.6 + 0.3 * rand()';
  group.I = 1.2;
  return group;
}

describe("the threshold in its state update's SIMD loop", () => {
  for (const n of [300, 301]) {
    it(`gives the two kernels' spikes, refractoriness and state for ${n} neurons`, () => {
      const targets = compare(() => {
        const group = lif(n);
        const spikes = new SpikeMonitor(group);
        const rate = new PopulationRateMonitor(group);
        return {
          objects: [group, spikes, rate],
          read: () => ({
            v: group.v_ as ArrayLike<number>,
            lastspike: group.lastspike_ as ArrayLike<number>,
            not_refractory: group.getStates(['not_refractory'], { units: false })
              .not_refractory as ArrayLike<number>,
            i: spikes.i as ArrayLike<number>,
            t: spikes.t_ as ArrayLike<number>,
            rate: rate.rate_,
          }),
        };
      });
      assert.equal(targets.get('neurongroup_stateupdater'), 'wasm');
      assert.equal(targets.get('neurongroup_spike_thresholder'), FUSED);
    });
  }

  it('appends no event for the padding element after an odd group (a condition true everywhere)', () => {
    // Every element crosses at every step, the element past the end of the arrays (the SIMD
    // loop's second lane in its last iteration) too. Monitors count only events of their
    // group's range, so the spike space's own count is read at the end of each step.
    const targets = compare(() => {
      const group = new NeuronGroup(257, 'dv/dt = -v / (10*ms) : 1', {
        threshold: 'v > -1',
        reset: '',
        method: 'exact',
      });
      const counts: number[] = [];
      const space = group.eventspace('spike');
      const read = networkOperation(() => counts.push(getDevice().values(space)[257]), { when: 'end' });
      return { objects: [group, read], read: () => ({ counts }) };
    }, 2);
    assert.equal(targets.get('neurongroup_spike_thresholder'), FUSED);
  });

  it('fuses only the spike threshold, which runs right after the update; a custom event stays apart', () => {
    const targets = compare(() => {
      const group = lif(280, { events: { high: 'v > 0.4' } });
      group.runOnEvent('high', 'v = v - 0.01');
      const high = new EventMonitor(group, 'high');
      const spikes = new SpikeMonitor(group);
      return {
        objects: [group, high, spikes],
        read: () => ({
          v: group.v_ as ArrayLike<number>,
          high: high.i as ArrayLike<number>,
          i: spikes.i as ArrayLike<number>,
        }),
      };
    });
    assert.equal(targets.get('neurongroup_spike_thresholder'), FUSED);
    assert.match(targets.get('neurongroup_high_thresholder') ?? '', /^js: kind threshold/);
  });

  it('stays apart when an operation runs between the update and the threshold', () => {
    // The operation changes v after the update: a fused loop would test the value before it.
    const targets = compare(() => {
      const group = lif(300);
      group.runRegularly('v = v * 0.97', { when: 'groups', order: 1 });
      const spikes = new SpikeMonitor(group);
      return {
        objects: [group, spikes],
        read: () => ({ v: group.v_ as ArrayLike<number>, i: spikes.i as ArrayLike<number> }),
      };
    });
    assert.equal(targets.get('neurongroup_stateupdater'), 'wasm');
    assert.equal(targets.get('neurongroup_spike_thresholder'), 'js: kind threshold');
  });

  it('stays apart when an operation between them reads the spike space (a rate monitor moved there)', () => {
    // The monitor, between the update and the threshold, counts the previous step's spikes.
    const targets = compare(() => {
      const group = lif(300);
      const rate = new PopulationRateMonitor(group, { when: 'groups', order: 1 });
      return { objects: [group, rate], read: () => ({ rate: rate.rate_ }) };
    });
    assert.equal(targets.get('neurongroup_spike_thresholder'), 'js: kind threshold');
  });

  it("moves each group's threshold up past the other groups' updates, which touch none of its arrays", () => {
    // Schedule: a's update, b's update, a's threshold, b's threshold.
    const targets = compare(() => {
      const a = lif(300, { name: 'a' });
      const b = lif(301, { name: 'b' });
      const sa = new SpikeMonitor(a);
      const sb = new SpikeMonitor(b);
      return {
        objects: [a, b, sa, sb],
        read: () => ({
          a: sa.i as ArrayLike<number>,
          b: sb.i as ArrayLike<number>,
          av: a.v_ as ArrayLike<number>,
        }),
      };
    });
    assert.equal(targets.get('a_spike_thresholder'), "wasm: in a_stateupdater's loop");
    assert.equal(targets.get('b_spike_thresholder'), "wasm: in b_stateupdater's loop");
  });

  it("stays apart when an update between them reads the group's state (a linked variable)", () => {
    // b's update reads a's v (linked) after a's update and before a's threshold.
    const targets = compare(() => {
      const a = lif(300, { name: 'a' });
      const b = new NeuronGroup(300, 'dx/dt = (va - x) / (3*ms) : 1\nva : 1 (linked)', {
        method: 'exact',
        name: 'b',
      });
      b.va = linkedVar(a, 'v');
      const sa = new SpikeMonitor(a);
      return {
        objects: [a, b, sa],
        read: () => ({ a: sa.i as ArrayLike<number>, x: b.x_ as ArrayLike<number> }),
      };
    });
    assert.equal(targets.get('a_stateupdater'), 'wasm');
    assert.equal(targets.get('a_spike_thresholder'), 'js: kind threshold');
  });

  it('stays apart, and says why, for a large update loop (Hodgkin–Huxley), unless told to fuse', () => {
    const hh = () => {
      const group = cobahhGroup(301);
      const spikes = new SpikeMonitor(group);
      return {
        objects: [group, spikes],
        read: () => ({
          v: group.v_ as ArrayLike<number>,
          i: spikes.i as ArrayLike<number>,
          t: spikes.t_ as ArrayLike<number>,
        }),
      };
    };
    assert.match(
      compare(hh).get('neurongroup_spike_thresholder') ?? '',
      /^js: kind threshold; not in neurongroup_stateupdater's loop: the update's loop holds \d+ vectors \(more than 32/,
    );
    process.env.BRIAN_UPDATE_THRESHOLD = 'fused';
    try {
      assert.equal(compare(hh).get('neurongroup_spike_thresholder'), FUSED);
    } finally {
      delete process.env.BRIAN_UPDATE_THRESHOLD;
    }
  });

  it('keeps the two kernels apart with BRIAN_UPDATE_THRESHOLD=apart, and refuses other values', () => {
    const scenario: Scenario = () => {
      const group = lif(300);
      return { objects: [group], read: () => ({ v: group.v_ as ArrayLike<number> }) };
    };
    process.env.BRIAN_UPDATE_THRESHOLD = 'apart';
    try {
      assert.equal(compare(scenario).get('neurongroup_spike_thresholder'), 'js: kind threshold');
      process.env.BRIAN_UPDATE_THRESHOLD = 'yes';
      assert.throws(() => simulate(true, scenario), {
        code: 'bad_argument',
        message: /BRIAN_UPDATE_THRESHOLD/,
      });
    } finally {
      delete process.env.BRIAN_UPDATE_THRESHOLD;
      resetDevice();
    }
  });

  it('stays apart, and says why, when the threshold draws random numbers', () => {
    const targets = compare(() => {
      const group = lif(300, { threshold: 'v > vt or rand() < 0.01' });
      const spikes = new SpikeMonitor(group);
      return { objects: [group, spikes], read: () => ({ i: spikes.i as ArrayLike<number> }) };
    });
    assert.equal(
      targets.get('neurongroup_spike_thresholder'),
      "js: kind threshold; not in neurongroup_stateupdater's loop: random numbers",
    );
  });
});
