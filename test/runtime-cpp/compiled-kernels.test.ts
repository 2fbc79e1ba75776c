import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { COBAHH_EQUATIONS, cobahhNamespace } from '../../examples/models/cobahh-equations.ts';
import { resetDevice } from '../../src/devices/active.ts';
import { nativeLoader } from '../../src/devices/runtime/native/loader.ts';
import type { RuntimeDevice } from '../../src/devices/runtime/runtime-device.ts';
import {
  defaultclock,
  Hz,
  implementation,
  ms,
  mV,
  NeuronGroup,
  PoissonGroup,
  restore,
  run,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  seed,
  setDevice,
  startScope,
  store,
  TimedArray,
} from '../../src/index.ts';
import { HAS_COMPILER } from '../standalone/devices.ts';

/**
 * The runtime device's compiled kernels (`target: 'cpp'`) against its JavaScript kernels: the
 * same script on both must leave every array of the device equal to the bit, and the per-neuron
 * kernels must really have been compiled.
 */

const SKIP = HAS_COMPILER ? false : 'g++ not found: compiled runtime kernels not tested';

function onBothTargets(script: () => void): { js: RuntimeDevice; cpp: RuntimeDevice } {
  const once = (target: 'js' | 'cpp') => {
    defaultclock.dt = ms(0.1);
    const device = setDevice('runtime', { target });
    startScope();
    try {
      script();
    } finally {
      resetDevice();
      startScope();
      defaultclock.dt = ms(0.1);
    }
    return device;
  };
  return { js: once('js'), cpp: once('cpp') };
}

/** An array id without the object's number (objects are numbered per process). */
function canonical(arrayId: string): string {
  return arrayId.replace(/^(_?[a-z]+)(?:_\d+)?(?=_)/, '$1');
}

/** Every array of the two devices, element by element with Object.is (NaN equals NaN, 0 ≠ −0). */
function assertSameState(js: RuntimeDevice, cpp: RuntimeDevice): void {
  const byName = (d: RuntimeDevice) => new Map([...d.arrays].map(([id, a]) => [canonical(id), a.view()]));
  const x = byName(js);
  const y = byName(cpp);
  assert.deepEqual([...y.keys()].sort(), [...x.keys()].sort());
  for (const [id, a] of x) {
    const b = y.get(id) ?? [];
    assert.equal(b.length, a.length, `${id}: length`);
    for (let k = 0; k < a.length; k++) {
      if (!Object.is(a[k], b[k])) assert.fail(`${id}[${k}]: JavaScript ${a[k]}, compiled ${b[k]}`);
    }
  }
}

function spikeCount(device: RuntimeDevice): number {
  const [, events] = [...device.arrays].find(([id]) => /^spikemonitor(_\d+)?_i$/.test(id)) ?? [];
  return events?.view().length ?? 0;
}

/** The runners whose kernels were compiled, by role (object names are numbered per process). */
function compiled(device: RuntimeDevice): string[] {
  return [...device.kernelTargets].filter(([, how]) => how === 'cpp').map(([name]) => role(name));
}

function role(kernelName: string): string {
  return kernelName.replace(/^[a-z]+(_\d+)?_/, '');
}

function targetOf(device: RuntimeDevice, kernelRole: string): string | undefined {
  return [...device.kernelTargets].find(([name]) => role(name) === kernelRole)?.[1];
}

test("CUBA network: compiled state update, threshold, reset and propagation give the JavaScript kernels' state", {
  skip: SKIP,
}, () => {
  const { js, cpp } = onBothTargets(() => {
    seed(11);
    const P = new NeuronGroup(
      400,
      `dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)
       dge/dt = -ge/taue : volt
       dgi/dt = -gi/taui : volt`,
      {
        threshold: 'v > Vt',
        reset: 'v = Vr',
        refractory: ms(5),
        method: 'exact',
        namespace: { taum: ms(20), taue: ms(5), taui: ms(10), Vt: mV(-50), Vr: mV(-60), El: mV(-49) },
      },
    );
    P.v = 'Vr + rand() * (Vt - Vr)';
    const Ce = new Synapses(P, P, { onPre: 'ge += 1.62*mV' });
    const Ci = new Synapses(P, P, { onPre: 'gi -= 9*mV' });
    Ce.connect({ condition: 'i < 320', p: 0.2 });
    Ci.connect({ condition: 'i >= 320', p: 0.2 });
    new SpikeMonitor(P);
    new StateMonitor(P, 'v', { record: [0, 7, 399] });
    run(ms(200));
  });
  assert.deepEqual(compiled(cpp).sort(), [
    'pre',
    'pre',
    'spike_resetter',
    'spike_thresholder',
    'stateupdater',
  ]);
  assert.equal(targetOf(cpp, 'spikemonitor'), 'js: kind spikemonitor');
  assert.ok(spikeCount(js) > 100, 'the network spikes');
  assertSameState(js, cpp);
});

test('COBAHH neurons with exponential Euler (exp, divisions, powers) to the bit', { skip: SKIP }, () => {
  const { js, cpp } = onBothTargets(() => {
    seed(5);
    const P = new NeuronGroup(200, COBAHH_EQUATIONS, {
      threshold: 'v>-20*mV',
      refractory: ms(3),
      method: 'exponential_euler',
      namespace: cobahhNamespace(),
    });
    const S = new Synapses(P, P, { onPre: 'ge += 6*nS' });
    S.connect({ p: 0.05 });
    P.v = 'El + (randn() * 5 - 5)*mV';
    P.ge = '(randn() * 1.5 + 4) * 10.*nS';
    P.gi = '(randn() * 12 + 20) * 10.*nS';
    new SpikeMonitor(P);
    run(ms(100));
  });
  assert.ok(compiled(cpp).includes('stateupdater'));
  assert.ok(spikeCount(js) > 20, 'the network spikes');
  assertSameState(js, cpp);
});

test('integers, booleans, Python division and modulo, TimedArray, store/restore and a new dt', {
  skip: SKIP,
}, () => {
  const { js, cpp } = onBothTargets(() => {
    const stim = new TimedArray(mV([0, 3, -2, 5, 1, 0, 4]), { dt: ms(2.5) });
    const G = new NeuronGroup(
      97,
      `dv/dt = (stim(t) - v + (i % 7 - 3)*0.4*mV)/tau : volt
       k : integer
       big : boolean
       tau : second`,
      {
        threshold: 'v > 0.8*mV and (k % 3 != 1 or big)',
        reset: `v = -0.5*mV*(k // 2)
                k = (k * 7 + i) % 11 - 5
                big = k // 3 == -1`,
        method: 'euler',
        namespace: { stim },
      },
    );
    G.tau = 'ms*(2 + i % 5)';
    G.k = 'i - 40';
    new SpikeMonitor(G);
    run(ms(10));
    store();
    run(ms(7));
    restore();
    defaultclock.dt = ms(0.05);
    run(ms(9));
  });
  assert.deepEqual(compiled(cpp).sort(), ['spike_resetter', 'spike_thresholder', 'stateupdater']);
  assert.ok(spikeCount(js) > 10, 'the group spikes');
  assertSameState(js, cpp);
});

test('plastic synapses: STDP on pre and post, heterogeneous delays, a summed variable, synapses added between runs, a third run', {
  skip: SKIP,
}, () => {
  const { js, cpp } = onBothTargets(() => {
    seed(3);
    const P = new NeuronGroup(
      80,
      `dv/dt = (I + Isyn - v)/(10*ms) : 1 (unless refractory)
       I : 1
       Isyn : 1`,
      { threshold: 'v > 1', reset: 'v = 0', refractory: ms(2), method: 'exact' },
    );
    P.I = '0.9 + 0.4*i/N';
    const S = new Synapses(P, P, {
      model: `w : 1
              dapre/dt = -apre/(20*ms) : 1 (event-driven)
              dapost/dt = -apost/(20*ms) : 1 (event-driven)
              Isyn_post = c*w : 1 (summed)
              dc/dt = -c/(5*ms) : 1 (clock-driven)`,
      onPre: `v_post += w
              c += 0.3
              apre += 0.01
              w = clip(w + apost, 0, 0.2)`,
      onPost: `apost -= 0.0105
               w = clip(w + apre, 0, 0.2)`,
      method: 'exact',
    });
    S.connect({ p: 0.1 });
    S.w = 'rand()*0.1';
    S.delay = 'rand()*3*ms';
    new SpikeMonitor(P);
    run(ms(60));
    S.connect({ condition: 'i == j' });
    S.w = 0.05;
    run(ms(60));
    // the same kernels again, but every pathway has a new buffer of due synapses
    run(ms(30));
  });
  const roles = compiled(cpp);
  for (const r of ['pre', 'post', 'stateupdater', 'summed_variable_Isyn_post']) {
    assert.ok(roles.includes(r), `${r} compiled (compiled: ${roles.join(', ')})`);
  }
  assert.ok(spikeCount(js) > 50, 'the network spikes');
  assertSameState(js, cpp);
});

test('rand() in compiled kernels draws what JavaScript kernels draw (PoissonGroup, threshold, reset)', {
  skip: SKIP,
}, () => {
  const { js, cpp } = onBothTargets(() => {
    seed(8);
    const input = new PoissonGroup(200, Hz(40));
    const G = new NeuronGroup(
      100,
      `dv/dt = (mu - v)/(10*ms) : 1 (unless refractory)
       mu : 1`,
      {
        threshold: 'v > 1 + 0.1*rand()',
        reset: 'v = 0.2*rand()',
        refractory: ms(1),
        method: 'exact',
      },
    );
    G.mu = '0.6 + 0.6*rand()';
    const S = new Synapses(input, G, { onPre: 'v_post += 0.05*rand()' });
    S.connect({ p: 0.2 });
    new SpikeMonitor(G);
    run(ms(40));
    G.v = 'rand()';
    run(ms(40));
  });
  const roles = compiled(cpp);
  for (const r of ['spike_resetter', 'spike_thresholder', 'stateupdater', 'pre']) {
    assert.ok(roles.includes(r), `${r} compiled (compiled: ${roles.join(', ')})`);
  }
  assert.equal(roles.filter((r) => r === 'spike_thresholder').length, 2, 'the PoissonGroup threshold too');
  assert.ok(spikeCount(js) > 100, 'the group spikes');
  assertSameState(js, cpp);
});

test('noise (xi, randn, poisson) compiles and draws what JavaScript draws', { skip: SKIP }, () => {
  const { js, cpp } = onBothTargets(() => {
    seed(21);
    const G = new NeuronGroup(
      200,
      `dv/dt = (mu - v)/(10*ms) + 0.3*xi/sqrt(ms) : 1
       mu : 1
       k : integer`,
      { threshold: 'v > 1', reset: 'v = 0.1*randn(); k += poisson(2.5)', method: 'euler' },
    );
    G.mu = '0.8 + 0.2*randn()';
    new SpikeMonitor(G);
    run(ms(20));
  });
  for (const r of ['stateupdater', 'spike_resetter']) assert.equal(targetOf(cpp, r), 'cpp');
  assert.ok(spikeCount(js) > 20, 'the group spikes');
  assertSameState(js, cpp);
});

test('kernels that cannot be compiled stay JavaScript and say why', { skip: SKIP }, () => {
  const { cpp } = onBothTargets(() => {
    const drive = implementation({ name: 'drive', args: [1], result: 1, js: (x) => 2 * x });
    const G = new NeuronGroup(10, 'dv/dt = (drive(0.6) - v)/(10*ms) : 1', {
      threshold: 'v > 1',
      reset: 'v = 0',
      namespace: { drive },
    });
    new NeuronGroup(10, 'dv/dt = -v/(10*ms) + 0.1*xi/sqrt(ms) : 1');
    new SpikeMonitor(G);
    run(ms(1));
  });
  const updaters = [...cpp.kernelTargets]
    .filter(([name]) => role(name) === 'stateupdater')
    .map(([, how]) => how);
  // Noise compiles (the generator is counter-based, with brian-ts's own log): only the user function stays JavaScript.
  assert.deepEqual(updaters.sort(), ['cpp', 'js: user function drive']);
  assert.equal(targetOf(cpp, 'spike_thresholder'), 'cpp');
  assert.equal(targetOf(cpp, 'spikemonitor'), 'js: kind spikemonitor');
});

test('bound kernels of networks that are gone are released (a parameter sweep keeps no old arrays)', {
  skip: SKIP,
}, async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const collect = async () => {
    for (let round = 0; round < 4; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const loader = nativeLoader(process.env.CXX ?? 'g++');
  try {
    await collect();
    const before = loader.live();
    for (let k = 0; k < 20; k++) {
      setDevice('runtime', { target: 'cpp' });
      startScope();
      const G = new NeuronGroup(1000, 'dv/dt = (1.2 - v)/(10*ms) : 1', {
        threshold: 'v > 1',
        reset: 'v = 0',
      });
      G.v = k / 20;
      run(ms(1));
    }
    resetDevice();
    startScope();
    await collect();
    // 20 networks bound 3 kernels each; what is left is at most the last network's
    assert.ok(loader.live() - before <= 3, `${loader.live() - before} kernels of gone networks still bound`);
  } finally {
    resetDevice();
    startScope();
  }
});

test('a bad target or a missing compiler is a coded error', { skip: SKIP }, () => {
  assert.throws(() => setDevice('runtime', { target: 'wasm' as 'js' }), { code: 'bad_argument' });
  const saved = process.env.CXX;
  process.env.CXX = '/nonexistent/g++';
  try {
    setDevice('runtime', { target: 'cpp' });
    startScope();
    new NeuronGroup(3, 'dv/dt = -v/(1*ms) + 0.25/ms : 1', { threshold: 'v > 0.123456789' });
    assert.throws(() => run(ms(1)), { code: 'compiler_not_found' });
  } finally {
    if (saved === undefined) delete process.env.CXX;
    else process.env.CXX = saved;
    resetDevice();
    startScope();
  }
});
