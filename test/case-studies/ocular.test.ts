/**
 * eLife 2019 case study 2 (smooth pursuit) against Brian 2.5.1, without the object's noise
 * (test/reference/scripts/ocular_noisefree.py): the object follows (0.5 − 1.5 t/τ) e^(−t/τ), the
 * eye tracks it through retina → motoneurons → muscles; 2 s at dt = 0.1 ms.
 *
 * What is exercised: euler for the eye's second-order mechanics, exact integration with a time
 * refractory period (motoneurons) and without (retina), linked variables reading the eye's state
 * integrated in the same step, `on_pre` writing into the eye's x0, connect({ j: expression }) and
 * weights from a presynaptic expression with N_pre.
 *
 * Tolerance: the same integration schemes in a different order of floating-point operations
 * (Brian integrates sympy-rewritten expressions) give ~1e-16 differences per step; the spikes
 * only pass them on through fixed weights, so they stay near 1e-13 of the amplitude (printed).
 * We require 1e-9 of each trace's amplitude and identical spike steps: a spike one step late
 * already changes x0 by several % for 0.1 ms.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  linkedVar,
  Network,
  NeuronGroup,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  second,
  startScope,
} from '../../src/index.ts';
import { namespaceFrom } from '../core/support.ts';
import { assertClose, loadReference } from '../helpers/reference.ts';
import { amplitudeError, everyNth, steps } from './compare.ts';

const ref = loadReference('ocular_noisefree');
const m = ref.model;
const TOLERANCE = 1e-9;

test('smooth pursuit without object noise (case study 2) matches Brian 2.5.1 over 2 s', () => {
  startScope();
  const dt = second(m.dt);
  const eye = new NeuronGroup(1, m.eye.equations, {
    method: 'euler',
    namespace: namespaceFrom(m.eye.namespace, {
      alpha: second.pow(-2),
      beta: second.pow(-1),
      tau_muscle: second,
      tau_object: second,
    }),
    dt,
    name: 'eye',
  });
  eye.x_object = m.eye.initial.x_object;
  eye.noise = m.eye.initial.noise;
  const taum = namespaceFrom(m.motoneurons.namespace, { taum: second });
  const motoneurons = new NeuronGroup(2, m.motoneurons.equations, {
    threshold: 'v>1',
    reset: 'v=0',
    refractory: second(m.motoneurons.refractory),
    method: 'exact',
    namespace: taum,
    dt,
    name: 'motoneurons',
  });
  const motosynapses = new Synapses(motoneurons, eye, {
    model: 'w : 1',
    onPre: 'x0_post += w',
    name: 'motosynapses',
  });
  motosynapses.connect();
  motosynapses.w = m.motosynapses.w;
  const { gain, width } = m.retina.namespace;
  const retina = new NeuronGroup(m.retina.N, m.retina.equations, {
    threshold: 'v>1',
    reset: 'v=0',
    method: 'exact',
    namespace: { ...taum, gain, width },
    dt,
    name: 'retina',
  });
  retina.v = 'i*1.0/N';
  retina.x_eye = linkedVar(eye, 'x');
  retina.x_object = linkedVar(eye, 'x_object');
  retina.x_neuron = '-1.0 + 2.0*i/(N-1)';
  const sensorimotor = new Synapses(retina, motoneurons, {
    model: 'w : 1 (constant)',
    onPre: 'v_post += w',
    name: 'sensorimotor',
  });
  sensorimotor.connect({ j: 'int(x_neuron_pre > 0)' });
  sensorimotor.w = '20*abs(x_neuron_pre)/N_pre';
  const [pi, pj, pw] = m.sensorimotor.pairs_i_j_w;
  assert.deepEqual(
    [Array.from(sensorimotor.i), Array.from(sensorimotor.j)],
    [pi, pj],
    'retina → motoneuron table',
  );
  assertClose(sensorimotor.w_, pw, 1e-15, 'sensorimotor w');

  const mEye = new StateMonitor(eye, ['x', 'velocity', 'x0', 'x_object', 'noise']);
  const mMoto = new StateMonitor(motoneurons, 'v');
  const sMoto = new SpikeMonitor(motoneurons);
  const sRetina = new SpikeMonitor(retina);
  new Network(eye, motoneurons, motosynapses, retina, sensorimotor, mEye, mMoto, sMoto, sRetina).run(
    second(m.duration),
  );

  const r = ref.recorded;
  assert.deepEqual(Array.from(sMoto.i), r.motoneuron_spike_i, 'motoneuron spike indices');
  assert.deepEqual(steps(sMoto.t_, m.dt), steps(r.motoneuron_spike_t, m.dt), 'motoneuron spike steps');
  assert.deepEqual(Array.from(sRetina.count), r.retina_spike_count, 'retina spike counts');
  assert.deepEqual(Array.from(sRetina.i), r.retina_spike_i, 'retina spike indices');
  assert.deepEqual(steps(sRetina.t_, m.dt), steps(r.retina_spike_t, m.dt), 'retina spike steps');

  const errors: string[] = [];
  const check = (what: string, actual: ArrayLike<number>, expected: number[]) => {
    const err = amplitudeError(everyNth(actual, r.record_every), expected);
    errors.push(`${what} ${err.toExponential(1)}`);
    assert.ok(err <= TOLERANCE, `${what}: max error ${err} of the amplitude > ${TOLERANCE}`);
  };
  for (const name of ['x', 'velocity', 'x0', 'x_object', 'noise'])
    check(`eye.${name}`, mEye.traces_(name)[0], r.eye[name]);
  for (let k = 0; k < 2; k++) check(`motoneuron v[${k}]`, mMoto.v_[k], r.motoneuron_v[k]);
  console.log(
    `ocular vs Brian 2.5.1: ${sMoto.num_spikes} motoneuron and ${sRetina.num_spikes} retina spikes on the same steps; ` +
      `max error / amplitude: ${errors.join(', ')}`,
  );
});
