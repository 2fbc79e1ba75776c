/** The pyloric reference's namespaces (raw SI in the JSON) as quantities; not a test file. */
import { amp, farad, second, siemens, volt } from '../../src/index.ts';
import { namespaceFrom } from '../core/support.ts';
import { loadReference } from '../helpers/reference.ts';

const model = loadReference('pyloric').model;
/** ABPD, LP, PY = 0, 1, 2: the names used in the connection and setter conditions. */
const LABELS = model.labels as Record<string, number>;

export function pyloricNamespaces() {
  const neuron = namespaceFrom(model.namespace, {
    Delta_T: volt,
    v_T: volt,
    tau: second,
    tau_Ca: second,
    tau_x: second,
    v_r: volt,
    tau_z: second,
    a: volt.pow(-3),
    b: volt.pow(-2),
    c: amp,
    d: amp.div(volt.pow(2)),
    C: farad,
    S: siemens,
    G: siemens,
  });
  const { ABPD: _f1, LP: _f2, PY: _f3, ...fastRaw } = model.fast_synapses.namespace;
  const { ABPD: _s1, LP: _s2, PY: _s3, ...slowRaw } = model.slow_synapses.namespace;
  const fast = { ...namespaceFrom(fastRaw, { s_fast: volt.pow(-1), V_fast: volt, E_syn: volt }), ...LABELS };
  const slow = {
    ...namespaceFrom(slowRaw, { s_slow: volt.pow(-1), V_slow: volt, k_1: second.pow(-1), E_syn: volt }),
    ...LABELS,
  };
  return { neuron, fast, slow };
}
