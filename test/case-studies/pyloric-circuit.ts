import assert from 'node:assert/strict';
import { NeuronGroup, nA, Synapses, second, startScope, uS } from '../../src/index.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { pyloricNamespaces } from './pyloric-model.ts';

const ref = loadReference('pyloric');
const m = ref.model;

/** The paper's circuit with the reference's fixed initial values, checked against Brian's synapse tables. */
export function buildCircuit(options: { checkTables?: boolean } = {}) {
  startScope();
  const ns = pyloricNamespaces();
  const circuit = new NeuronGroup(3, m.equations, {
    threshold: m.threshold,
    refractory: m.refractory,
    reset: m.reset,
    method: m.method,
    namespace: ns.neuron,
    dt: second(m.dt),
    name: 'circuit',
  });
  circuit.label = m.initial.label;
  circuit.v = ns.neuron.v_r;
  circuit.w = nA(m.initial.w.map((w: number) => w / 1e-9));
  circuit.z = m.initial.z;
  circuit.Ca_target = m.initial.Ca_target;

  // Connections and conductances through label conditions, as in the paper.
  const fast = new Synapses(circuit, circuit, {
    model: m.fast_synapses.equations,
    namespace: ns.fast,
    name: 'fast_synapses',
  });
  fast.connect(m.fast_synapses.connect);
  for (const { condition, value } of m.fast_synapses.g_fast) fast.g_fast[condition] = uS(value / 1e-6);
  const slow = new Synapses(circuit, circuit, {
    model: m.slow_synapses.equations,
    method: 'exact',
    namespace: ns.slow,
    name: 'slow_synapses',
  });
  slow.connect(m.slow_synapses.connect);
  for (const { condition, g_slow, k_2 } of m.slow_synapses.params) {
    slow.g_slow[condition] = uS(g_slow / 1e-6);
    slow.k_2[condition] = second(1).pow(-1).mul(k_2);
  }
  // The synapse tables exist only after a standalone build: check them on the runtime device.
  if (options.checkTables === false) return { circuit, fast, slow };
  const [fi, fj, fg] = m.fast_synapses.pairs_i_j_g;
  assert.deepEqual([Array.from(fast.i), Array.from(fast.j)], [fi, fj], 'fast synapse table');
  assertClose(fast.g_fast_, fg, 1e-15, 'g_fast');
  const [si, sj, sg, sk] = m.slow_synapses.pairs_i_j_g_k2;
  assert.deepEqual([Array.from(slow.i), Array.from(slow.j)], [si, sj], 'slow synapse table');
  assertClose(slow.g_slow_, sg, 1e-15, 'g_slow');
  assertClose(slow.k_2_, sk, 1e-15, 'k_2');

  return { circuit, fast, slow };
}
