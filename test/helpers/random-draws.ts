/**
 * What the reference table of random draws holds (src/core/random/draws.reference.json, written
 * by scripts/random-draws-table.ts): not a test file itself.
 */
import { DrawState } from '../../src/core/random/draw-state.ts';
import { SiteDraws } from '../../src/core/random/site-draws.ts';
import { ms, Network, NeuronGroup, StateMonitor, seed, startScope } from '../../src/index.ts';

/**
 * Threefry-2x32-20 known answers from Random123's kat_vectors (counter, key, result; hex words),
 * the outside check of the block function.
 */
export const THREEFRY_KAT: readonly {
  ctr: [string, string];
  key: [string, string];
  out: [string, string];
}[] = [
  { ctr: ['00000000', '00000000'], key: ['00000000', '00000000'], out: ['6b200159', '99ba4efe'] },
  { ctr: ['ffffffff', 'ffffffff'], key: ['ffffffff', 'ffffffff'], out: ['1cb996fc', 'bb002be7'] },
  { ctr: ['243f6a88', '85a308d3'], key: ['13198a2e', '03707344'], out: ['c4923a9c', '483df7a0'] },
];

/** The calls made, in order, on one site's draws for one element (each sequence of the table). */
export const DRAW_SEQUENCE = [
  'rand',
  'rand',
  'rand',
  'randn',
  'randn',
  'poisson(3.5)',
  'poisson(40)',
  'binomialInversion(20, 0.1)',
] as const;

export interface SequenceKey {
  readonly seed: number;
  readonly epoch: number;
  /** The kernel's stream number (DrawState.stream: kernels in the order they first draw after seed()). */
  readonly stream: number;
  readonly time: number;
  readonly once: boolean;
  readonly site: number;
  readonly element: number;
}

/** Keys that cover every word of the derivation: seeds above 2^32, epochs, times above 2^32, the scalar element. */
export const SEQUENCES: readonly SequenceKey[] = [
  { seed: 0, epoch: 0, stream: 0, time: 0, once: false, site: 0, element: 0 },
  { seed: 42, epoch: 0, stream: 0, time: 1, once: false, site: 0, element: 0 },
  { seed: 42, epoch: 0, stream: 1, time: 1, once: false, site: 1, element: 17 },
  { seed: 42, epoch: 3, stream: 5, time: 123456, once: false, site: 2, element: 999999 },
  { seed: 42, epoch: 0, stream: 0, time: 7, once: true, site: 0, element: 3 },
  {
    seed: 2 ** 40 + 12345,
    epoch: 1,
    stream: 2 ** 31 + 3,
    time: 2 ** 33 + 5,
    once: false,
    site: 0,
    element: -1,
  },
];

/** The draws of one sequence, as the JavaScript implementation makes them. */
export function sequenceDraws(key: SequenceKey): number[] {
  const draws = new SiteDraws();
  draws.begin(stateAt(key.seed, key.epoch).invocation(key.stream, key.time, key.once), key.site);
  draws.at(key.element);
  const P = 0.1;
  const q = 1 - P;
  return [
    draws.rand(),
    draws.rand(),
    draws.rand(),
    draws.randn(),
    draws.randn(),
    draws.poisson(3.5),
    draws.poisson(40),
    draws.binomialInversion(20, P, q, q ** 20, 20),
  ];
}

/**
 * Sums over long runs of one site and element (so that the ziggurat's rare wedge and tail
 * branches and PTRS's rejections are covered): the sums of `LONG_RUN` draws of rand(), randn(),
 * poisson(3.5) and poisson(40), each from its own site (0–3), added in order.
 */
export const LONG_RUN = 100_000;

export function longRunSums(key: Omit<SequenceKey, 'site'>): number[] {
  const sums: number[] = [];
  (['rand', 'randn', 'poisson(3.5)', 'poisson(40)'] as const).forEach((what, site) => {
    const draws = new SiteDraws();
    draws.begin(stateAt(key.seed, key.epoch).invocation(key.stream, key.time, key.once), site);
    draws.at(key.element);
    let sum = 0;
    for (let k = 0; k < LONG_RUN; k++) {
      sum +=
        what === 'rand'
          ? draws.rand()
          : what === 'randn'
            ? draws.randn()
            : draws.poisson(what === 'poisson(3.5)' ? 3.5 : 40);
    }
    sums.push(sum);
  });
  return sums;
}

/** A DrawState with `seed` in epoch `epoch` (runs going back in time `epoch` times). */
export function stateAt(seed: number, epoch: number): DrawState {
  const state = new DrawState(seed);
  for (let k = 0; k < epoch; k++) {
    state.runEnded(1);
    state.runStarts(0);
  }
  return state;
}

/**
 * The end-to-end model every device runs (test/standalone/random-draws.test.ts): `seed(seed)`;
 * group 0 with `G.z = 'rand()'` (stream 0, one-off call 0), then `x = rand(); y = randn();
 * k = poisson(lambda)` every step (`runRegularly`, stream 1, sites 0–2, monitored at the end of
 * each step) for `steps` steps; then group 1 the same in a second network from t = 0, so in
 * epoch 1 (stream 2).
 */
export const MODEL = {
  seed: 2 ** 40 + 2026,
  N: 4,
  steps: 3,
  lambda: 3.5,
  groups: ['draws', 'draws_again'],
} as const;

/** The first draw of one site and element (what a model's statement `x = rand()` stores). */
export function firstDraw(key: SequenceKey, what: 'rand' | 'randn' | 'poisson'): number {
  const draws = new SiteDraws();
  draws.begin(stateAt(key.seed, key.epoch).invocation(key.stream, key.time, key.once), key.site);
  draws.at(key.element);
  return what === 'rand' ? draws.rand() : what === 'randn' ? draws.randn() : draws.poisson(MODEL.lambda);
}

/** The values the model recorded: the setter's, and per group `x`, `y`, `k` as [element][step]. */
export interface ModelDraws {
  readonly setter: number[];
  readonly recorded: { group: string; x: number[][]; y: number[][]; k: number[][] }[];
}

/**
 * Builds and runs the model on the active device (a fresh scope, default clock at 0.1 ms); the
 * returned function reads what it recorded (on a standalone device, after the program ran).
 */
export function runDrawsModel(): () => ModelDraws {
  startScope();
  seed(MODEL.seed);
  const [first, second] = MODEL.groups.map((name) => {
    return new NeuronGroup(MODEL.N, 'x : 1\ny : 1\nk : integer\nz : 1', { name });
  });
  first.z = 'rand()';
  const monitors = [first, second].map((G) => {
    G.runRegularly(`x = rand()\ny = randn()\nk = poisson(${MODEL.lambda})`);
    return new StateMonitor(G, ['x', 'y', 'k'], { record: true, when: 'end' });
  });
  const duration = ms(0.1 * MODEL.steps);
  new Network(first, monitors[0]).run(duration);
  new Network(second, monitors[1]).run(duration);
  return () => ({
    setter: Array.from(first.z_ as ArrayLike<number>),
    recorded: monitors.map((M, k) => ({
      group: MODEL.groups[k],
      x: rows(M.x_),
      y: rows(M.y_),
      k: rows(M.k_),
    })),
  });
}

function rows(recorded: ArrayLike<ArrayLike<number>>): number[][] {
  return Array.from(recorded, (row) => Array.from(row));
}
