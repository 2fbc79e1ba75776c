/**
 * What objects print (`console.log`, `String`, `util.inspect`) and how they turn into JSON, against
 * the text recorded from Brian 2.5.1 (test/reference/object_text.json), and units written as text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import {
  BrianError,
  Clock,
  defaultclock,
  Hz,
  ms,
  mV,
  Network,
  NeuronGroup,
  PoissonGroup,
  PopulationRateMonitor,
  q,
  SpikeMonitor,
  StateMonitor,
  Synapses,
  startScope,
} from '../../src/index.ts';

const reference = JSON.parse(readFileSync(new URL('../reference/object_text.json', import.meta.url), 'utf8'));

function build() {
  startScope();
  const G = new NeuronGroup(3, 'dv/dt = -v/(10*ms) : volt\nI : amp\nn : integer\nflag : boolean', {
    threshold: 'v>1*mV',
    reset: 'v=0*mV',
    method: 'exact',
    name: 'neurongroup',
  });
  G.v = mV([1, 2, 3]);
  G.n = [1, 20, 300];
  G.flag = [1, 0, 1];
  const M = new StateMonitor(G, 'v', { record: [0, 1], name: 'statemonitor' });
  const S = new SpikeMonitor(G, { name: 'spikemonitor' });
  const R = new PopulationRateMonitor(G, { name: 'ratemonitor' });
  const Sy = new Synapses(G, G, { model: 'w : 1', onPre: 'v += w*mV', name: 'synapses' });
  Sy.connect({ i: [0, 1], j: [1, 2] });
  const P = new PoissonGroup(5, Hz(10), { name: 'poissongroup' });
  const net = new Network(G, M, S, R, Sy);
  net.run(ms(0.3));
  return { G, M, S, R, Sy, P, net };
}

describe('objects print what Brian prints', () => {
  const { G, M, S, R, Sy, P } = build();
  const objects: Record<string, unknown> = {
    'G.v': G.v,
    'G.I': G.I,
    'G.n': G.n,
    'G.flag': G.flag,
    G,
    M,
    S,
    R,
    Sy,
    'Sy.w': Sy.w,
    'G[0:2]': G.slice(0, 2),
    P,
    'defaultclock.dt': defaultclock.dt,
    'Clock(dt=0.5*ms, name="slow")': new Clock(ms(0.5), 'slow'),
    '(50*ms)**-2': ms(50).pow(-2),
    'G.v[0]': G.v[0],
  };
  for (const [expression, value] of Object.entries(objects)) {
    it(expression, () => {
      const expected = reference.objects[expression];
      // Brian's str and repr differ for quantities only; objects and views print one text.
      const isQuantity =
        expected.str !== expected.repr && !expression.startsWith('G.v') && !expression.startsWith('M');
      const text = isQuantity ? (value as { repr(): string }).repr() : String(value);
      let brian: string = isQuantity ? expected.repr : expected.str;
      // Brian 2.5.1's SpikeMonitor text names the monitor itself where its code means the source
      // (`self.group.name` is the monitor's name there); brian-ts names the source, as intended.
      if (expression === 'S') brian = brian.replace("'spikemonitor'", "'neurongroup'");
      assert.equal(text, brian);
      if (!isQuantity) assert.equal(inspect(value), brian, 'console.log prints the same text');
    });
  }

  it('prints quantities with their best unit in console.log', () => {
    assert.equal(inspect(ms(50).pow(-2)), reference.objects['(50*ms)**-2'].str);
    assert.equal(String(ms.pow(-2)), reference.objects['ms**-2'].str);
  });

  it('turns views and quantities into JSON with their unit', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(G.v)), { values: Array.from(G.v.values), unit: 'V' });
    assert.deepEqual(JSON.parse(JSON.stringify(G.flag)), { values: [true, false, true], unit: '1' });
    assert.deepEqual(JSON.parse(JSON.stringify({ tau: ms(20) })), { tau: { value: 0.02, unit: 's' } });
    assert.deepEqual(JSON.parse(JSON.stringify(M.t)), { values: Array.from(M.t.values), unit: 's' });
  });
});

describe('units written as text: q()', () => {
  for (const [text, expected] of Object.entries(reference.unit_text) as [
    string,
    { value: number; str: string },
  ][]) {
    it(`q('${text}') is ${expected.str} as in Brian`, () => {
      const x = q(text);
      assert.equal(x.value, expected.value);
      assert.equal(String(x), expected.str);
    });
  }

  it('ms(50).pow(-2) agrees with Brian to the bit', () => {
    assert.equal(ms(50).pow(-2).value, reference.pow['ms(50).pow(-2)']);
    assert.equal(String(ms(50).pow(-2)), reference.pow.str);
    assert.equal(q('(50*ms)**-2').value, reference.pow['ms(50).pow(-2)']);
  });

  it('uses namespace entries', () => {
    assert.equal(String(q('C/gL', { C: q('1*ufarad*cm**-2'), gL: q('5e-5*siemens*cm**-2') })), '20. ms');
  });

  it('rejects what is not a quantity with a coded error pointing at the text', () => {
    const code = (text: string) => {
      try {
        q(text);
      } catch (e) {
        assert.ok(e instanceof BrianError);
        return [e.code, e.span && text.slice(e.span.start, e.span.end)];
      }
      return undefined;
    };
    assert.deepEqual(code('5*msec'), ['unknown_identifier', 'msec']);
    assert.equal(code('5*mV + 2*ms')?.[0], 'dimension_mismatch');
    assert.deepEqual(code('exp(2*mV)'), ['dimension_not_dimensionless', 'exp(2*mV)']);
    assert.deepEqual(code('rand()*mV'), ['unknown_function', 'rand']);
    assert.equal(code('5 mV')?.[0], 'unexpected_token');
    assert.equal(code('5*mV > 2*mV')?.[0], 'bad_argument');
  });
});
