/**
 * Brian 2's test_subgroup.py, translated (test names kept), part 2: synapses from and to
 * subgroups. Skipped tests of the file are listed in test_subgroup.test.ts.
 *
 * Brian's `S._synaptic_pre`/`S._synaptic_post` hold absolute neuron indices; brian-ts stores
 * subgroup-relative indices and adds the subgroup's offset where it indexes the neurons. The
 * translation checks the absolute indices through the neurons' own index (`i_pre`, `i_post`).
 */
import assert from 'node:assert/strict';
import type { Where } from '../../src/groups/group.ts';
import { defaultclock, NeuronGroup, run, Synapses, second } from '../../src/index.ts';
import { arange, assertEqual, repeat, warningsOf } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_subgroup.py');

/** Brian's `run(defaultclock.dt + schedule_propagation_offset())`: spikes of step 0 arrive in step 0 without delay. */
const oneStep = () => defaultclock.dt;
// Typed arrays have a values() method too: a quantity array is told apart by its dimension.
const values = (x: { values: ArrayLike<number> } | ArrayLike<number>) =>
  Array.from('dim' in x ? (x as { values: ArrayLike<number> }).values : (x as ArrayLike<number>));

function connectedGroups() {
  const G1 = new NeuronGroup(10, 'v:1');
  const G2 = new NeuronGroup(20, 'v:1');
  G1.v = 'i';
  G2.v = '10 + i';
  return { G1, G2, SG1: G1.slice(0, 5), SG2: G2.slice(10) };
}

brianTest(
  'test_synapse_creation',
  {
    standalone: true,
  },
  () => {
    const G1 = new NeuronGroup(10, 'abs_i = i : integer');
    const G2 = new NeuronGroup(20, 'abs_i = i : integer');
    const SG1 = G1.slice(0, 5);
    const SG2 = G2.slice(10);
    const S = new Synapses(SG1, SG2);
    S.connect({ i: 2, j: 2 }); // Should correspond to (2, 12)
    S.connect({ condition: 'i==2 and j==5' }); // Should correspond to (2, 15)
    run(second(0)); // for standalone
    // Internally, the "real" neuron indices should be used (here: the neurons' own index)
    assertEqual(S.abs_i_pre, [2, 2]);
    assertEqual(S.abs_i_post, [12, 15]);
    // For the user, the subgroup-relative indices should be presented
    assertEqual(S.i, [2, 2]);
    assertEqual(S.j, [2, 5]);
    // N_incoming and N_outgoing should also be correct
    assert.ok(values(S.state('N_outgoing').at(2, undefined)).every((x) => x === 2));
    assert.ok(values(S.state('N_incoming').at(undefined, 2)).every((x) => x === 1));
    assert.ok(values(S.state('N_incoming').at(undefined, 5)).every((x) => x === 1));
  },
);

brianTest(
  'test_synapse_creation_state_vars',
  {
    standalone: true,
  },
  () => {
    const { SG1, SG2 } = connectedGroups();
    // connect based on pre-/postsynaptic state variables
    const S2 = new Synapses(SG1, SG2, { model: 'w:1' });
    S2.connect({ condition: 'v_pre > 2' });
    const S3 = new Synapses(SG1, SG2, { model: 'w:1' });
    S3.connect({ condition: 'v_post < 25' });
    const S4 = new Synapses(SG2, SG1, { model: 'w:1' });
    S4.connect({ condition: 'v_post > 2' });
    const S5 = new Synapses(SG2, SG1, { model: 'w:1' });
    S5.connect({ condition: 'v_pre < 25' });
    run(second(0)); // for standalone

    assert.equal(S2.length, 2 * SG2.length);
    assert.ok(values(S2.v_pre).every((x) => x > 2));
    assert.equal(S3.length, 5 * SG1.length);
    assert.ok(values(S3.v_post).every((x) => x < 25));
    assert.equal(S4.length, 2 * SG2.length);
    assert.ok(values(S4.v_post).every((x) => x > 2));
    assert.equal(S5.length, 5 * SG1.length);
    assert.ok(values(S5.v_pre).every((x) => x < 25));
  },
);

brianTest(
  'test_synapse_creation_generator',
  {
    standalone: true,
  },
  () => {
    const { SG1, SG2 } = connectedGroups();
    const S = new Synapses(SG1, SG2, { model: 'w:1' });
    S.connect({ j: 'i*2 + k for k in range(2)' }); // diverging connections
    // connect based on pre-/postsynaptic state variables
    const S2 = new Synapses(SG1, SG2, { model: 'w:1' });
    S2.connect({ j: 'k for k in range(N_post) if v_pre > 2' });
    const S3 = new Synapses(SG1, SG2, { model: 'w:1' });
    S3.connect({ j: 'k for k in range(N_post) if v_post < 25' });
    const S4 = new Synapses(SG2, SG1, { model: 'w:1' });
    S4.connect({ j: 'k for k in range(N_post) if v_post > 2' });
    const S5 = new Synapses(SG2, SG1, { model: 'w:1' });
    S5.connect({ j: 'k for k in range(N_post) if v_pre < 25' });
    run(second(0)); // for standalone

    // Internally, the "real" neuron indices should be used (v is i in G1, 10 + i in G2)
    assertEqual(S.v_pre, repeat(arange(5), 2));
    assertEqual(
      S.v_post,
      arange(10).map((k) => k + 20),
    );
    // For the user, the subgroup-relative indices should be presented
    assertEqual(S.i, repeat(arange(5), 2));
    assertEqual(S.j, arange(10));
    // N_incoming and N_outgoing should also be correct
    assert.ok(values(S.N_outgoing).every((x) => x === 2));
    assert.ok(values(S.N_incoming).every((x) => x === 1));

    assert.equal(S2.length, 2 * SG2.length);
    assert.ok(values(S2.v_pre).every((x) => x > 2));
    assert.equal(S3.length, 5 * SG1.length);
    assert.ok(values(S3.v_post).every((x) => x < 25));
    assert.equal(S4.length, 2 * SG2.length);
    assert.ok(values(S4.v_post).every((x) => x > 2));
    assert.equal(S5.length, 5 * SG1.length);
    assert.ok(values(S5.v_pre).every((x) => x < 25));
  },
);

brianTest('test_synapse_creation_generator_multiple_synapses', { standalone: true }, () => {
  const { SG1, SG2 } = connectedGroups();
  const make = (pre: typeof SG1, post: typeof SG1, n: string) => {
    const S = new Synapses(pre, post);
    S.connect({ j: 'k for k in range(N_post)', n });
    return S;
  };
  const S1 = make(SG1, SG2, 'i');
  const S2 = make(SG1, SG2, 'j');
  const S3 = make(SG2, SG1, 'i');
  const S4 = make(SG2, SG1, 'j');
  const S5 = make(SG1, SG2, 'i+j');
  const S6 = make(SG2, SG1, 'i+j');
  const S7 = make(SG1, SG2, 'int(v_pre>2)*2');
  const S8 = make(SG2, SG1, 'int(v_post>2)*2');
  const S9 = make(SG1, SG2, 'int(v_post>22)*2');
  const S10 = make(SG2, SG1, 'int(v_pre>22)*2');
  run(second(0)); // for standalone

  const n2 = SG2.length;
  const all2 = arange(n2);
  for (let source = 0; source < SG1.length; source++) {
    assertEqual(S1.state('j').at(source, undefined), repeat(all2, source));
    assertEqual(S2.state('j').at(source, undefined), repeat(all2, all2));
    assertEqual(S3.state('i').at(undefined, source), repeat(all2, all2));
    assertEqual(S4.state('i').at(undefined, source), repeat(all2, source));
    assertEqual(
      S5.state('j').at(source, undefined),
      repeat(
        all2,
        all2.map((k) => k + source),
      ),
    );
    assertEqual(
      S6.state('i').at(undefined, source),
      repeat(
        all2,
        all2.map((k) => k + source),
      ),
    );
    if (source > 2) {
      assertEqual(S7.state('j').at(source, undefined), repeat(all2, 2));
      assertEqual(S8.state('i').at(undefined, source), repeat(all2, 2));
    } else {
      assert.equal(S7.state('j').at(source, undefined).length, 0);
      assert.equal(S8.state('i').at(undefined, source).length, 0);
    }
    assertEqual(S9.state('j').at(source, undefined), repeat(arange(3, n2), 2));
    assertEqual(S10.state('i').at(undefined, source), repeat(arange(3, n2), 2));
  }
});

brianTest(
  'test_synapse_creation_generator_complex_ranges',
  {
    standalone: true,
  },
  () => {
    const { SG1, SG2 } = connectedGroups();
    const S = new Synapses(SG1, SG2);
    S.connect({ j: 'i+k for k in range(N_post-i)' }); // Connect to all j>i
    // connect based on pre-/postsynaptic state variables
    const S2 = new Synapses(SG1, SG2);
    S2.connect({ j: 'k for k in range(N_post * int(v_pre > 2))' });
    const S3 = new Synapses(SG2, SG1);
    S3.connect({ j: 'k for k in range(N_post * int(v_pre > 22))' });
    run(second(0)); // for standalone

    for (let source = 0; source < 5; source++) {
      const expected = arange(10 - source).map((k) => source + k);
      // Internally, the "real" neuron indices should be used (v_post is 10 + the index in G2)
      assertEqual(
        S.state('v_post').at(source, undefined),
        expected.map((k) => 20 + k),
      );
      // For the user, the subgroup-relative indices should be presented
      assertEqual(S.state('j').at(source, undefined), expected);
    }
    assert.equal(S2.length, 2 * SG2.length);
    assert.ok(values(S2.v_pre).every((x) => x > 2));
    assert.equal(S3.length, 7 * SG1.length);
    assert.ok(values(S3.v_pre).every((x) => x > 22));
  },
);

brianTest(
  'test_synapse_creation_generator_random',
  {
    standalone: true,
  },
  () => {
    const { SG1, SG2 } = connectedGroups();
    // connect based on pre-/postsynaptic state variables
    const S2 = new Synapses(SG1, SG2);
    S2.connect({ j: 'k for k in sample(N_post, p=1.0*int(v_pre > 2))' });
    const S3 = new Synapses(SG2, SG1);
    S3.connect({ j: 'k for k in sample(N_post, p=1.0*int(v_pre > 22))' });
    run(second(0)); // for standalone
    assert.equal(S2.length, 2 * SG2.length);
    assert.ok(values(S2.v_pre).every((x) => x > 2));
    assert.equal(S3.length, 7 * SG1.length);
    assert.ok(values(S3.v_pre).every((x) => x > 22));
  },
);

brianTest('test_synapse_access', {}, () => {
  const G1 = new NeuronGroup(10, 'v:1');
  G1.v = 'i';
  const G2 = new NeuronGroup(20, 'v:1');
  G2.v = 'i';
  const SG1 = G1.slice(0, 5);
  const SG2 = G2.slice(10);
  const S = new Synapses(SG1, SG2, { model: 'w:1' });
  S.connect(true);
  S.w.set(5, 'j == 0');
  assert.ok(values(S.w.get('j==0')).every((x) => x === 5));
  S.w.set(7, S.at(2, 2));
  assert.ok(values(S.w.get('i==2 and j==2')).every((x) => x === 7));
  S.w = '2*j';
  assert.ok(values(S.state('w').at(undefined, 1)).every((x) => x === 2));
  assert.equal(S.state('w').at(undefined, 10).length, 0);
  assert.equal(S.w.get('j==10').length, 0);

  // Test referencing pre- and postsynaptic variables
  assertEqual(S.state('w').at(arange(2, 5), undefined), S.w.get('v_pre >= 2'));
  assertEqual(S.state('w').at(undefined, arange(5)), S.w.get('v_post < 15'));
  S.w = 'v_post';
  assertEqual(
    S.w_,
    values(S.j).map((j) => j + 10),
  );
  S.w = 'v_post + v_pre';
  const i = values(S.i);
  assertEqual(
    S.w_,
    values(S.j).map((j, k) => j + 10 + i[k]),
  );

  // Test using subgroups as indices
  assert.equal(S.length, S.state('w').at(SG1, SG2).length);
  assertEqual(S.state('w').at(SG1, 1), S.state('w').at(undefined, 1));
  assertEqual(S.state('w').at(1, SG2), S.state('w').at(1, undefined));
  assert.equal(S.state('w').at(SG1, 10).length, 0);
});

brianTest('test_synapses_access_subgroups', {}, () => {
  const G1 = new NeuronGroup(5, 'x:1');
  const G2 = new NeuronGroup(10, 'y:1');
  const SG1 = G1.slice(2, 5);
  const SG2 = G2.slice(4, 9);
  const S = new Synapses(G1, G2, { model: 'w:1' });
  S.connect();
  S.w.set(1, S.at(SG1, SG2));
  assertEqual(S.w.get('(i>=2 and i<5) and (j>=4 and j<9)'), 1);
  assertEqual(S.w.get('not ((i>=2 and i<5) and (j>=4 and j<9))'), 0);
  S.w = 0;
  S.w.set(1, S.at(SG1, undefined));
  assertEqual(S.w.get('i>=2 and i<5'), 1);
  assertEqual(S.w.get('not (i>=2 and i<5)'), 0);
  S.w = 0;
  S.w.set(1, S.at(undefined, SG2));
  assertEqual(S.w.get('j>=4 and j<9'), 1);
  assertEqual(S.w.get('not (j>=4 and j<9)'), 0);
});

brianTest('test_synapses_access_subgroups_problematic', {}, () => {
  const G1 = new NeuronGroup(5, 'x:1');
  const G2 = new NeuronGroup(10, 'y:1');
  const SG1 = G1.slice(2, 5);
  const SG2 = G2.slice(4, 9);
  const S = new Synapses(G1, G2, { model: 'w:1' });
  S.connect();
  // Note that "j" is not ambiguous, because the equivalent in the target group is called "i"
  const tests: [[Where | undefined, Where | undefined], string, number][] = [
    [[SG1, undefined], 'i', 1],
    [[SG1, undefined], 'i + N_pre', 2],
    [[SG1, undefined], 'N_pre', 1],
    [[undefined, SG2], 'j', 0],
    [[undefined, SG2], 'N_post', 1],
    [[undefined, SG2], 'N', 1],
    [[SG1, SG2], 'i', 1],
    [[SG1, SG2], 'i + j', 1],
    [[SG1, SG2], 'N_pre', 1],
    [[SG1, SG2], 'j', 0],
    [[SG1, SG2], 'N_post', 1],
    [[SG1, SG2], 'N', 1],
    // These should not raise a warning
    [[SG1, SG2], 'w', 0],
    [[SG1, SG2], 'x_pre', 0],
    [[SG1, SG2], 'y_post', 0],
    [[SG1, SG2], 'y', 0],
  ];
  for (const [[i, j], value, nWarnings] of tests) {
    // Brian's `S.w[i, j] = value`: the synapses S.at(i, j) selects.
    const logs = warningsOf(() => S.w.set(value, S.at(i, j)));
    assert.equal(logs.length, nWarnings, `${value}: expected ${nWarnings}, got ${logs.length} warnings`);
    assert.ok(logs.every((name) => name === 'ambiguous_string_expression'));
  }
});

brianTest('test_subgroup_summed_variable', { standalone: true }, () => {
  // Check in particular that only neurons targeted are reset to 0 (see github issue #925)
  const source = new NeuronGroup(1, '');
  const target = new NeuronGroup(5, 'Iin : 1');
  target.Iin = 10;
  const target1 = target.slice(1, 2);
  const target2 = target.slice(3);
  const syn1 = new Synapses(source, target1, { model: 'Iin_post = 5 : 1  (summed)' });
  syn1.connect(true);
  const syn2 = new Synapses(source, target2, { model: 'Iin_post = 1 : 1  (summed)' });
  syn2.connect(true);
  run(defaultclock.dt.mul(2) as typeof defaultclock.dt);
  assertEqual(target.Iin_, [10, 5, 10, 1, 1]);
});

const SUBEXPRESSION_SYNAPSES = 'w : 1\nu = v2_post + 1 : 1\nx = v2_pre + 1 : 1';

function checkSubexpressionReferences(make: (G: NeuronGroup) => [Synapses, Synapses, Synapses]): void {
  const G = new NeuronGroup(10, 'v : 1\nv2 = 2*v : 1');
  G.v = arange(10);
  const [S1, S2, S3] = make(G);
  const last5Doubled = [9, 8, 7, 6, 5].map((k) => 2 * k + 1);
  const first5Doubled = arange(5).map((k) => 2 * k + 1);
  S1.connect({ condition: 'i==(5-1-j)' });
  assertEqual(S1.i, arange(5));
  assertEqual(S1.j, arange(5).reverse());
  assertEqual(S1.u, last5Doubled);
  assertEqual(S1.x, first5Doubled);
  S2.connect({ condition: 'i==(5-1-j)' });
  assertEqual(S2.i, arange(5));
  assertEqual(S2.j, arange(5).reverse());
  assertEqual(S2.u, last5Doubled);
  assertEqual(S2.x, first5Doubled);
  S3.connect({ condition: 'i==(10-1-j)' });
  assertEqual(S3.i, arange(5));
  assertEqual(S3.j, [9, 8, 7, 6, 5]);
  assertEqual(S3.u, last5Doubled);
  assertEqual(S3.x, first5Doubled);
}

brianTest('test_subexpression_references', {}, () => {
  // Assure that subexpressions in targeted groups are handled correctly.
  checkSubexpressionReferences((G) => {
    const SG1 = G.slice(0, 5);
    const SG2 = G.slice(5);
    return [
      new Synapses(SG1, SG2, { model: SUBEXPRESSION_SYNAPSES }),
      new Synapses(G, SG2, { model: SUBEXPRESSION_SYNAPSES }),
      new Synapses(SG1, G, { model: SUBEXPRESSION_SYNAPSES }),
    ];
  });
});

brianTest('test_subexpression_no_references', {}, () => {
  // Assure that subexpressions are handled correctly, even when the subgroups are created on-the-fly.
  checkSubexpressionReferences((G) => {
    assertEqual(
      G.slice(5).v2,
      arange(5, 10).map((k) => 2 * k),
    );
    return [
      new Synapses(G.slice(0, 5), G.slice(5), { model: SUBEXPRESSION_SYNAPSES }),
      new Synapses(G, G.slice(5), { model: SUBEXPRESSION_SYNAPSES }),
      new Synapses(G.slice(0, 5), G, { model: SUBEXPRESSION_SYNAPSES }),
    ];
  });
});

brianTest('test_synaptic_propagation', { standalone: true }, () => {
  const G1 = new NeuronGroup(10, 'v:1', { threshold: 'v>1', reset: 'v=0' });
  G1.v.set(1.1, 'i%2==1'); // odd numbers should spike
  const G2 = new NeuronGroup(20, 'v:1');
  const SG1 = G1.slice(1, 6);
  const SG2 = G2.slice(10);
  const S = new Synapses(SG1, SG2, { onPre: 'v+=1' });
  S.connect({ condition: 'i==j' });
  run(oneStep());
  const expected = Array(20).fill(0);
  // Neurons 1, 3, 5 spiked and are connected to 10, 12, 14
  for (const k of [10, 12, 14]) expected[k] = 1;
  assertEqual(G2.v_, expected);
});

brianTest('test_synaptic_propagation_2', { standalone: true }, () => {
  // This tests for the bug in github issue #461
  const source = new NeuronGroup(100, '', { threshold: 'True' });
  const subSource = source.slice(99);
  const target = new NeuronGroup(1, 'v:1');
  const syn = new Synapses(subSource, target, { onPre: 'v+=1' });
  syn.connect();
  run(oneStep());
  assert.equal(target.v_[0], 1.0);
});

brianTest('test_no_reference_3', { standalone: true }, () => {
  // Using subgroups without keeping an explicit reference. Synapses
  const G = new NeuronGroup(2, 'v:1', { threshold: 'v>1', reset: 'v=0' });
  G.v = [1.1, 0];
  const S = new Synapses(G.slice(0, 1), G.slice(1), { onPre: 'v+=1' });
  S.connect();
  run(oneStep());
  assertEqual(G.v_, [0, 1]);
});

brianTest('test_no_reference_4', { standalone: true }, () => {
  // Using subgroups without keeping an explicit reference. Synapses
  const G1 = new NeuronGroup(10, 'v:1', { threshold: 'v>1', reset: 'v=0' });
  G1.v.set(1.1, 'i%2==1'); // odd numbers should spike
  const G2 = new NeuronGroup(20, 'v:1');
  const S = new Synapses(G1.slice(1, 6), G2.slice(10), { onPre: 'v+=1' });
  S.connect({ condition: 'i==j' });
  run(oneStep());
  const expected = Array(20).fill(0);
  for (const k of [10, 12, 14]) expected[k] = 1;
  assertEqual(G2.v_, expected);
});
