/**
 * Per-step fixed cost of the runtime device: (a) the bare loop with one no-op runner, (b) a
 * one-neuron LIF with threshold, reset and SpikeMonitor (four real kernels on a network too
 * small to do any work), (c) one-neuron groups without and with a threshold.
 */

import { BrianObject, type Runner } from '../../src/network/brian-object.ts';
import { defaultclock } from '../../src/network/clock.ts';
import { ms, mV, Network, NeuronGroup, SpikeMonitor, second } from '../../src/node.ts';

/** An object whose only runner does nothing: what remains is the loop's own cost per step. */
class NoOp extends BrianObject {
  private readonly runner: Runner;
  constructor(name: string) {
    super(name, defaultclock);
    this.runner = {
      name: `${name}_runner`,
      when: 'groups',
      order: 0,
      clock: defaultclock,
      owner: this,
      prepare: () => {},
      step: () => {},
    };
  }
  runners(): readonly Runner[] {
    return [this.runner];
  }
  stateArrays(): readonly string[] {
    return [];
  }
}

export interface OverheadCase {
  case: string;
  runners: number;
  us_per_step: number;
}

function perStep(net: Network, bioSeconds: number): number {
  net.run(second(0.1)); // warm up the kernels
  net.run(second(bioSeconds));
  return (net.lastRunTime / Math.round((bioSeconds * 1000) / 0.1)) * 1e6;
}

export function measureOverhead(bioSeconds = 10): OverheadCase[] {
  const out: OverheadCase[] = [];
  out.push({
    case: 'bare loop, 1 no-op runner',
    runners: 1,
    us_per_step: perStep(new Network(new NoOp('noop1')), bioSeconds),
  });
  const noops = Array.from({ length: 8 }, (_, k) => new NoOp(`noop8_${k}`));
  out.push({
    case: 'bare loop, 8 no-op runners',
    runners: 8,
    us_per_step: perStep(new Network(noops), bioSeconds),
  });
  const G1 = new NeuronGroup(1, 'dv/dt = -v/(10*ms) : 1', { method: 'exact' });
  out.push({
    case: '1 neuron, state update only',
    runners: 1,
    us_per_step: perStep(new Network(G1), bioSeconds),
  });
  const ns = { Vt: mV(-50), Vr: mV(-60), El: mV(-49), taum: ms(20) };
  const G2 = new NeuronGroup(1, 'dv/dt = (El - v)/taum : volt (unless refractory)', {
    threshold: 'v > Vt',
    reset: 'v = Vr',
    refractory: ms(5),
    method: 'exact',
    namespace: ns,
  });
  G2.v = mV(-60);
  const M = new SpikeMonitor(G2);
  out.push({
    case: '1 LIF neuron: update, threshold, reset, SpikeMonitor',
    runners: 4,
    us_per_step: perStep(new Network(G2, M), bioSeconds),
  });
  return out;
}
