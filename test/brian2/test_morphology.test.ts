/**
 * Brian 2's test_morphology.py, translated (test names kept).
 *
 * Skipped: none. Brian's `morpho[10*um]` / `morpho[3:5]` are `morpho.at(um(10))` /
 * `morpho.slice(3, 5)`, `morpho.indices[:]` is `morpho.indices()`, `morpho.indices[x]`
 * `morpho.indexAt(x)`, attributes are camelCase (`totalCompartments`, `endDistance`,
 * `startX`, `rLength1`). Python-only lines are left out with a comment: `len(morpho)` (JS has
 * no `len`; `morpho.length` is the compartment lengths, as Brian's attribute), slices with a
 * step (JS calls have no step), `Morphology.__init__` on an instance.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Cylinder,
  cm,
  type Morphology,
  Morphology as MorphologyClass,
  type MorphologyPoint,
  QuantityArray,
  Section,
  Soma,
  second,
  um,
} from '../../src/index.ts';
import { arange, assertAllclose, assertEqual, warningsOf } from './asserts.ts';
import { brianSuite } from './harness.ts';

const { brianTest } = brianSuite('test_morphology.py');

const ums = (xs: ArrayLike<number>) => QuantityArray.from(Array.from(xs), um);
const ones = (n: number, value = 1) => new Array<number>(n).fill(value);
const SQRT2 = Math.sqrt(2);

brianTest('test_attributes_soma', {}, () => {
  const soma = new Soma({ diameter: um(10) });
  assert.ok(soma instanceof MorphologyClass);
  // Single compartment
  assert.equal(soma.n, 1);
  assert.equal(soma.totalSections, 1);
  assert.equal(soma.totalCompartments, 1);
  // (len(soma) raises a TypeError in Brian: JavaScript has no len.)
  // Compartment attributes
  assertEqual(soma.diameter, ums([10]));
  assertEqual(soma.length, ums([10]));
  assertEqual(soma.distance, ums([0]));
  assertEqual(soma.endDistance, um(0));
  assert.ok(soma.rLength1.values[0] > cm.value);
  assert.ok(soma.rLength2.values[0] > cm.value);
  assertEqual(soma.area, soma.diameter.pow(2).mul(Math.PI));
  assertAllclose(
    soma.volume,
    um(10)
      .pow(3)
      .mul(Math.PI / 6),
  );

  // No coordinates were specified
  for (const attr of ['startX', 'startY', 'startZ', 'x', 'y', 'z', 'endX', 'endY', 'endZ']) {
    assert.equal(soma[attr], undefined, attr);
  }
});

brianTest('test_attributes_soma_coordinates', {}, () => {
  // Specify only one of the coordinates
  for (const coord of ['x', 'y', 'z'] as const) {
    const soma = new Soma({ diameter: um(10), [coord]: um(5) });
    // Length shouldn't change (not defined by coordinates but by the diameter)
    assertEqual(soma.length, ums([10]));
    assertEqual(soma.distance, ums([0]));
    // Coordinates should be specified now, with 0 values for the other coordinates
    for (const other of ['x', 'y', 'z'].filter((c) => c !== coord)) {
      const O = other.toUpperCase();
      assertEqual(soma[`start${O}`], ums([0]));
      assertEqual(soma[other], ums([0]));
      assertEqual(soma[`end${O}`], ums([0]));
    }
    const C = coord.toUpperCase();
    assertEqual(soma[`start${C}`], ums([5]));
    assertEqual(soma[coord]!, ums([5]));
    assertEqual(soma[`end${C}`], ums([5]));
  }

  // Specify all coordinates
  const soma = new Soma({ diameter: um(10), x: um(1), y: um(2), z: um(3) });
  assertEqual(soma.length, ums([10]));
  assertEqual(soma.distance, ums([0]));
  assertEqual(soma.startX!, um(1));
  assertEqual(soma.x!, um(1));
  assertEqual(soma.endX!, um(1));
  assertEqual(soma.startY!, um(2));
  assertEqual(soma.y!, um(2));
  assertEqual(soma.endY!, um(2));
  assertEqual(soma.startZ!, um(3));
  assertEqual(soma.z!, um(3));
  assertEqual(soma.endZ!, um(3));
});

/** numpy's `np.arange(n) * a * um + b * um`. */
const ramp = (n: number, a: number, b: number) => ums(arange(n).map((k) => k * a)).add(um(b));

brianTest('test_attributes_cylinder', {}, () => {
  const n = 10;
  const cylinder = new Cylinder({ n, diameter: um(10), length: um(200) });
  assert.ok(cylinder instanceof MorphologyClass);
  // Single section with 10 compartments
  assert.equal(cylinder.n, n);
  assert.equal(cylinder.totalSections, 1);
  assert.equal(cylinder.totalCompartments, n);
  // (len(cylinder) raises a TypeError in Brian: JavaScript has no len.)

  // Compartment attributes
  assertEqual(cylinder.diameter, ums(ones(n)).mul(10));
  assertEqual(cylinder.length, ums(ones(n)).mul(20));
  assertEqual(cylinder.distance, ramp(n, 20, 10));
  assertEqual(cylinder.endDistance, um(200));
  assertAllclose(cylinder.area, cylinder.diameter.mul(cylinder.length).mul(Math.PI));
  assertAllclose(
    cylinder.volume,
    cylinder.diameter
      .pow(2)
      .mul(cylinder.length)
      .mul(Math.PI / 4),
  );

  for (const attr of ['startX', 'startY', 'startZ', 'x', 'y', 'z', 'endX', 'endY', 'endZ']) {
    assert.equal(cylinder[attr], undefined, attr);
  }
});

brianTest('test_attributes_cylinder_coordinates', {}, () => {
  // Specify only the end-point of the section
  const n = 10;
  for (const coord of ['x', 'y', 'z'] as const) {
    const cylinder = new Cylinder({ n, diameter: um(10), [coord]: ums([0, 200]) });
    assertEqual(cylinder.diameter, ums(ones(n)).mul(10));
    assertEqual(cylinder.length, ums(ones(n)).mul(20));
    assertEqual(cylinder.distance, ramp(n, 20, 10));
    assertEqual(cylinder.endDistance, um(200));
    for (const other of ['x', 'y', 'z'].filter((c) => c !== coord)) {
      const O = other.toUpperCase();
      assertEqual(cylinder[`start${O}`], ums(ones(n, 0)));
      assertEqual(cylinder[other], ums(ones(n, 0)));
      assertEqual(cylinder[`end${O}`], ums(ones(n, 0)));
    }
    const C = coord.toUpperCase();
    assertEqual(cylinder[`start${C}`], ums(arange(n).map((k) => k * 20)));
    assertEqual(cylinder[coord]!, ramp(n, 20, 10));
    assertEqual(cylinder[`end${C}`], ramp(n, 20, 20));
  }

  // Specify all coordinates
  const end = 200.0 / Math.sqrt(3.0);
  const val = ums([0, end]);
  const cylinder = new Cylinder({ n, diameter: um(10), x: val, y: val, z: val });
  assertEqual(cylinder.diameter, ums(ones(n)).mul(10));
  assertAllclose(cylinder.length, ums(ones(n)).mul(20));
  assertAllclose(cylinder.distance, ramp(n, 20, 10));
  assertAllclose(cylinder.endDistance, um(200));
  for (const C of ['X', 'Y', 'Z']) {
    assertAllclose(cylinder[`start${C}`], stepRamp(n, end, 0));
    assertAllclose(cylinder[C.toLowerCase()], stepRamp(n, end, 0.5));
    assertAllclose(cylinder[`end${C}`], stepRamp(n, end, 1));
  }
});

/** `np.arange(n) * val / n + f * val / n` for val in µm. */
function stepRamp(n: number, val: number, f: number): QuantityArray {
  const v = val * um.value;
  return new QuantityArray(
    Float64Array.from(arange(n), (k) => (k * v) / n + (f * v) / n),
    um.dim,
  );
}

brianTest('test_attributes_section', {}, () => {
  const n = 10;
  // No difference to a cylinder
  const sec = new Section({ n, diameter: ums(ones(n + 1, 10)), length: ums(ones(n, 20)) });
  const cyl = new Cylinder({ n: 1, diameter: um(10), length: um(0) }); // dummy cylinder
  cyl.child = sec;
  assert.ok(sec instanceof MorphologyClass);
  assert.equal(sec.n, n);
  assert.equal(sec.totalSections, 1);
  assert.equal(sec.totalCompartments, n);
  // (len(sec) raises a TypeError in Brian: JavaScript has no len.)

  assertAllclose(sec.diameter, ums(ones(n, 10)));
  assertAllclose(sec.length, ums(ones(n, 20)));
  assertAllclose(sec.distance, ramp(n, 20, 10));
  assertAllclose(sec.endDistance, um(200));
  assertAllclose(
    sec.area,
    sec.startDiameter
      .add(sec.endDiameter)
      .mul(sec.length)
      .mul(Math.PI * 0.5),
  );
  assertAllclose(
    sec.volume,
    sec.diameter
      .pow(2)
      .mul(sec.length)
      .mul(Math.PI / 4),
  );
  for (const attr of ['startX', 'startY', 'startZ', 'x', 'y', 'z', 'endX', 'endY', 'endZ']) {
    assert.equal(sec[attr], undefined, attr);
  }
});

/** numpy's `np.linspace(0*um, stop*um, num)`. */
function linspaceUm(stop: number, num: number): QuantityArray {
  const s = stop * um.value;
  const step = s / (num - 1);
  return new QuantityArray(
    Float64Array.from(arange(num), (k) => (k === num - 1 ? s : k * step)),
    um.dim,
  );
}

brianTest('test_attributes_section_coordinates_single', {}, () => {
  const n = 10;
  for (const coord of ['x', 'y', 'z'] as const) {
    const sec = new Section({ n, diameter: ums(ones(n + 1, 10)), [coord]: linspaceUm(200, n + 1) });
    const cyl = new Cylinder({ n: 1, diameter: um(10), length: um(0) }); // dummy cylinder
    cyl.child = sec;
    assertEqual(sec.diameter, ums(ones(n, 10)));
    assertEqual(sec.length, ums(ones(n, 20)));
    assertEqual(sec.distance, ramp(n, 20, 10));
    assertEqual(sec.endDistance, um(200));
    for (const other of ['x', 'y', 'z'].filter((c) => c !== coord)) {
      const O = other.toUpperCase();
      assertEqual(sec[`start${O}`], ums(ones(n, 0)));
      assertEqual(sec[other], ums(ones(n, 0)));
      assertEqual(sec[`end${O}`], ums(ones(n, 0)));
    }
    const C = coord.toUpperCase();
    assertEqual(sec[`start${C}`], ums(arange(n).map((k) => k * 20)));
    assertEqual(sec[coord]!, ramp(n, 20, 10));
    assertEqual(sec[`end${C}`], ramp(n, 20, 20));
  }

  // Specify all coordinates
  const val = 200.0 / Math.sqrt(3.0);
  const sec = new Section({
    n,
    diameter: ums(ones(n + 1, 10)),
    x: linspaceUm(val, n + 1),
    y: linspaceUm(val, n + 1),
    z: linspaceUm(val, n + 1),
  });
  const cyl = new Cylinder({ n: 1, diameter: um(10), length: um(0) });
  cyl.child = sec;
  assertEqual(sec.diameter, ums(ones(n, 10)));
  assertAllclose(sec.length, ums(ones(n, 20)));
  assertAllclose(sec.distance, ramp(n, 20, 10));
  assertAllclose(sec.endDistance, um(200));
  for (const C of ['X', 'Y', 'Z']) {
    assertAllclose(sec[`start${C}`], stepRamp(n, val, 0));
    assertAllclose(sec[C.toLowerCase()], stepRamp(n, val, 0.5));
    assertAllclose(sec[`end${C}`], stepRamp(n, val, 1));
  }
});

brianTest('test_attributes_section_coordinates_all', {}, () => {
  const n = 3;
  // Specify all coordinates
  let sec = new Section({
    n,
    diameter: ums([10, 10, 10, 10]),
    x: ums([10, 11, 11, 11]),
    y: ums([100, 100, 101, 101]),
    z: ums([1000, 1000, 1000, 1001]),
  });
  assertEqual(sec.diameter, ums(ones(n, 10)));
  assertAllclose(sec.length, ums(ones(n)));
  assertAllclose(sec.distance, ums(arange(n).map((k) => k + 0.5)));
  assertAllclose(sec.endDistance, um(3));
  assertAllclose(sec.startX!, ums([10, 11, 11]));
  assertAllclose(sec.x!, ums([10.5, 11, 11]));
  assertAllclose(sec.endX!, ums([11, 11, 11]));
  assertAllclose(sec.startY!, ums([100, 100, 101]));
  assertAllclose(sec.y!, ums([100, 100.5, 101]));
  assertAllclose(sec.endY!, ums([100, 101, 101]));
  assertAllclose(sec.startZ!, ums([1000, 1000, 1000]));
  assertAllclose(sec.z!, ums([1000, 1000, 1000.5]));
  assertAllclose(sec.endZ!, ums([1000, 1000, 1001]));

  // Specify varying diameters
  sec = new Section({
    n,
    diameter: ums([20, 10, 5, 2.5]),
    x: ums([0, 1, 1, 1]),
    y: ums([0, 0, 1, 1]),
    z: ums([0, 0, 0, 1]),
  });
  assertAllclose(sec.startDiameter, ums([20, 10, 5]));
  // diameter at midpoint
  assertAllclose(sec.diameter, sec.startDiameter.add(sec.endDiameter).mul(0.5));
  assertAllclose(sec.endDiameter, ums([10, 5, 2.5]));
});

function checkTreeCables(morphology: Morphology, coordinates = false): void {
  // number of compartments per section
  assert.equal(morphology.n, 10);
  assert.equal(morphology['1'].n, 5);
  assert.equal(morphology['2'].n, 5);
  assert.equal(morphology['21'].n, 5);
  assert.equal(morphology['22'].n, 5);
  // number of compartments per subtree
  assert.equal(morphology.totalCompartments, 30);
  assert.equal(morphology['1'].totalCompartments, 5);
  assert.equal(morphology['2'].totalCompartments, 15);
  assert.equal(morphology['21'].totalCompartments, 5);
  assert.equal(morphology['22'].totalCompartments, 5);
  // number of sections per subtree
  assert.equal(morphology.totalSections, 5);
  assert.equal(morphology['1'].totalSections, 1);
  assert.equal(morphology['2'].totalSections, 3);
  assert.equal(morphology['21'].totalSections, 1);
  assert.equal(morphology['22'].totalSections, 1);
  // Distances (to the root at the electrical midpoint) follow the tree structure
  assertAllclose(morphology.distance, ramp(10, 10, 5));
  assertAllclose(morphology['2'].distance, ramp(5, 10, 105));
  assertAllclose(morphology['21'].distance, ramp(5, 10, 155));
  assertAllclose(morphology.endDistance, um(100));
  assertAllclose(morphology['1'].endDistance, um(200));
  assertAllclose(morphology['2'].endDistance, um(150));
  assertAllclose(morphology['21'].endDistance, um(200));
  assertAllclose(morphology['22'].endDistance, um(200));
  // Section diameters are correctly inherited from the parent sections
  assertAllclose(morphology['1'].startDiameter, ums([10, 8, 6, 4, 2]));
  assertAllclose(morphology['22'].startDiameter, ums([5, 4, 3, 2, 1]));

  if (!coordinates) return;
  const r = (n: number, a: number, b: number) => ums(arange(n).map((k) => b + k * a));
  // Coordinates should be absolute
  // section: cable
  assertAllclose(morphology.startX!, r(10, 10, 0));
  assertAllclose(morphology.x!, r(10, 10, 5));
  assertAllclose(morphology.endX!, r(10, 10, 10));
  assertAllclose(morphology.y!, ums(ones(10, 0)));
  assertAllclose(morphology.z!, ums(ones(10, 0)));
  // section: cable['1']
  let step = 20 / SQRT2;
  assertAllclose(morphology['1'].startX, r(5, step, 100));
  assertAllclose(morphology['1'].x, r(5, step, 100 + step / 2));
  assertAllclose(morphology['1'].endX, r(5, step, 100 + step));
  assertAllclose(morphology['1'].startY, r(5, step, 0));
  assertAllclose(morphology['1'].y, r(5, step, step / 2));
  assertAllclose(morphology['1'].endY, r(5, step, step));
  assertAllclose(morphology['1'].z, ums(ones(5, 0)));
  // section: cable['2']
  step = 10 / SQRT2;
  assertAllclose(morphology['2'].startX, r(5, step, 100));
  assertAllclose(morphology['2'].x, r(5, step, 100 + step / 2));
  assertAllclose(morphology['2'].endX, r(5, step, 100 + step));
  assertAllclose(morphology['2'].startY, r(5, -step, 0));
  assertAllclose(morphology['2'].y, r(5, -step, -step / 2));
  assertAllclose(morphology['2'].endY, r(5, -step, -step));
  assertAllclose(morphology['2'].z, ums(ones(5, 0)));
  // sections cable['21'] and cable['22']
  const x0 = 100 + 50 / SQRT2;
  for (const [name, sign] of [
    ['21', 1],
    ['22', -1],
  ] as const) {
    const s = morphology[name];
    assertAllclose(s.startX, r(5, step, x0));
    assertAllclose(s.x, r(5, step, x0 + step / 2));
    assertAllclose(s.endX, r(5, step, x0 + step));
    for (const attr of ['startY', 'y', 'endY']) assertAllclose(s[attr], ums(ones(5, -50 / SQRT2)));
    assertAllclose(s.startZ, r(5, sign * step, 0));
    assertAllclose(s.z, r(5, sign * step, (sign * step) / 2));
    assertAllclose(s.endZ, r(5, sign * step, sign * step));
  }
}

brianTest('test_tree_cables_schematic', {}, () => {
  const cable = new Cylinder({ n: 10, diameter: um(10), length: um(100) });
  cable.L = new Section({ n: 5, diameter: ums([10, 8, 6, 4, 2, 0]), length: ums(ones(5, 20)) }); // tapering truncated cones
  cable.R = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  cable.RL = new Cylinder({ n: 5, diameter: um(2.5), length: um(50) });
  cable.RR = new Section({ n: 5, diameter: ums([5, 4, 3, 2, 1, 0]), length: ums(ones(5, 10)) });
  checkTreeCables(cable);
});

const scaled = (xs: number[], f: number) => ums(xs.map((x) => x / f));

brianTest('test_tree_cables_coordinates', {}, () => {
  // The lengths of the sections should be identical to the previous test
  const six = (stop: number) => [0, 1, 2, 3, 4, 5].map((k) => (k === 5 ? stop : (k * stop) / 5));
  const cable = new Cylinder({ n: 10, x: ums([0, 100]), diameter: um(10) });
  cable.L = new Section({
    n: 5,
    diameter: ums([10, 8, 6, 4, 2, 0]),
    x: scaled(six(100), SQRT2),
    y: scaled(six(100), SQRT2),
  });
  cable.R = new Cylinder({ n: 5, diameter: um(5), x: scaled([0, 50], SQRT2), y: scaled([0, -50], SQRT2) });
  cable.RL = new Cylinder({ n: 5, diameter: um(2.5), x: scaled([0, 50], SQRT2), z: scaled([0, 50], SQRT2) });
  cable.RR = new Section({
    n: 5,
    diameter: ums([5, 4, 3, 2, 1, 0]),
    x: scaled(six(50), SQRT2),
    z: scaled(six(-50), SQRT2),
  });
  checkTreeCables(cable, true);
});

const S = SQRT2;
// fmt: off
const CABLE_POINTS: MorphologyPoint[] = [
  // cable
  [1, null, 0, 0, 0, 10, -1],
  ...arange(2, 12).map((k): MorphologyPoint => [k, null, (k - 1) * 10, 0, 0, 10, k - 1]),
  // cable.L (using automatic names)
  [12, null, 100 + 20 / S, 20 / S, 0, 8, 11],
  [13, null, 100 + 40 / S, 40 / S, 0, 6, 12],
  [14, null, 100 + 60 / S, 60 / S, 0, 4, 13],
  [15, null, 100 + 80 / S, 80 / S, 0, 2, 14],
  [16, null, 100 + 100 / S, 100 / S, 0, 0, 15],
  // cable.R (using automatic names)
  [17, null, 100 + 10 / S, -10 / S, 0, 5, 11],
  [18, null, 100 + 20 / S, -20 / S, 0, 5, 17],
  [19, null, 100 + 30 / S, -30 / S, 0, 5, 18],
  [20, null, 100 + 40 / S, -40 / S, 0, 5, 19],
  [21, null, 100 + 50 / S, -50 / S, 0, 5, 20],
  // cable.RL (using explicit names)
  [22, 'L', 100 + 60 / S, -50 / S, 10 / S, 2.5, 21],
  [23, 'L', 100 + 70 / S, -50 / S, 20 / S, 2.5, 22],
  [24, 'L', 100 + 80 / S, -50 / S, 30 / S, 2.5, 23],
  [25, 'L', 100 + 90 / S, -50 / S, 40 / S, 2.5, 24],
  [26, 'L', 100 + 100 / S, -50 / S, 50 / S, 2.5, 25],
  // cable.RR (using explicit names)
  [27, 'R', 100 + 60 / S, -50 / S, -10 / S, 4, 21],
  [28, 'R', 100 + 70 / S, -50 / S, -20 / S, 3, 27],
  [29, 'R', 100 + 80 / S, -50 / S, -30 / S, 2, 28],
  [30, 'R', 100 + 90 / S, -50 / S, -40 / S, 1, 29],
  [31, 'R', 100 + 100 / S, -50 / S, -50 / S, 0, 30],
];

brianTest('test_tree_cables_from_points', {}, () => {
  // The coordinates should be identical to the previous test
  const cable = MorphologyClass.fromPoints(CABLE_POINTS);
  // Check that the names are used
  assert.equal(cable.L.n, 5);
  assert.equal(cable.R.n, 5);
  assert.equal(cable.RL.n, 5);
  assert.equal(cable.RR.n, 5);
  checkTreeCables(cable, true);
});

/** Brian writes the SWC text to a temporary file and reads it back with `from_file`. */
function fromSwcFile(content: string): Morphology {
  const dir = mkdtempSync(join(tmpdir(), 'brian-ts-swc-'));
  const file = join(dir, 'cable_morphology.swc');
  writeFileSync(file, content);
  try {
    return MorphologyClass.fromFile(file);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

const CABLE_SWC = `
# Test file
1   0  0  0  0  5  -1
2   0  10  0  0  5  1
3   0  20  0  0  5  2
4   0  30  0  0  5  3
5   0  40  0  0  5  4
6   0  50  0  0  5  5
7   0  60  0  0  5  6
8   0  70  0  0  5  7
9   0  80  0  0  5  8
10   0  90  0  0  5  9
11   0  100  0  0  5  10
12   2  114.14213562373095  14.142135623730949  0  4  11
13   2  128.2842712474619  28.284271247461898  0  3  12
14   2  142.42640687119285  42.426406871192846  0  2  13
15   2  156.5685424949238  56.568542494923797  0  1  14
16   2  170.71067811865476  70.710678118654741  0  0  15
17   2  107.07106781186548  -7.0710678118654746  0  2.5  11
18   2  114.14213562373095  -14.142135623730949  0  2.5  17
19   2  121.21320343559643  -21.213203435596423  0  2.5  18
20   2  128.2842712474619  -28.284271247461898  0  2.5  19
21   2  135.35533905932738  -35.35533905932737  0  2.5  20
22   2  142.42640687119285  -35.35533905932737  7.0710678118654746  1.25  21
23   2  149.49747468305833  -35.35533905932737  14.142135623730949  1.25  22
24   2  156.5685424949238  -35.35533905932737  21.213203435596423  1.25  23
25   2  163.63961030678928  -35.35533905932737  28.284271247461898  1.25  24
26   2  170.71067811865476  -35.35533905932737  35.35533905932737  1.25  25
27   2  142.42640687119285  -35.35533905932737  -7.0710678118654746  2  21
28   2  149.49747468305833  -35.35533905932737  -14.142135623730949  1.5  27
29   2  156.5685424949238  -35.35533905932737  -21.213203435596423  1  28
30   2  163.63961030678928  -35.35533905932737  -28.284271247461898  0.5  29
31   2  170.71067811865476  -35.35533905932737  -35.35533905932737  0  30
`;

brianTest('test_tree_cables_from_swc', {}, () => {
  checkTreeCables(fromSwcFile(CABLE_SWC), true);
});

function checkTreeSoma(morphology: Morphology, coordinates = false, useCylinders = true): void {
  // number of compartments per section
  assert.equal(morphology.n, 1);
  assert.equal(morphology['1'].n, 5);
  assert.equal(morphology['2'].n, 5);
  // number of compartments per subtree
  assert.equal(morphology.totalCompartments, 11);
  assert.equal(morphology['1'].totalCompartments, 5);
  assert.equal(morphology['2'].totalCompartments, 5);
  // number of sections per subtree
  assert.equal(morphology.totalSections, 3);
  assert.equal(morphology['1'].totalSections, 1);
  assert.equal(morphology['2'].totalSections, 1);

  assertAllclose(morphology.diameter, ums([30]));
  // Distances to the root at the midpoint; the soma adds nothing to the distance
  assertEqual(morphology.distance, um(0));
  assertAllclose(morphology['1'].distance, ramp(5, 20, 10));
  assertAllclose(morphology['2'].distance, ramp(5, 10, 5));
  assertAllclose(morphology.endDistance, um(0));
  assertAllclose(morphology['1'].endDistance, um(100));
  assertAllclose(morphology['2'].endDistance, um(50));

  assertAllclose(morphology.diameter, um(30));
  assertAllclose(morphology['1'].startDiameter, ums([8, 8, 6, 4, 2]));
  assertAllclose(morphology['1'].diameter, ums([8, 7, 5, 3, 1]));
  assertAllclose(morphology['1'].endDiameter, ums([8, 6, 4, 2, 0]));
  assertAllclose(morphology['2'].startDiameter, ums(ones(5, 5)));
  assertAllclose(morphology['2'].diameter, ums(ones(5, 5)));
  assertAllclose(morphology['2'].endDiameter, ums(ones(5, 5)));

  if (!coordinates) return;
  const r = (n: number, a: number, b: number) => ums(arange(n).map((k) => b + k * a));
  // section: soma
  assertAllclose(morphology.startX!, um(100));
  assertAllclose(morphology.x!, um(100));
  assertAllclose(morphology.endX!, um(100));
  assertAllclose(morphology.y!, um(0));
  assertAllclose(morphology.z!, um(0));
  // section: cable['1']
  let step = 20 / SQRT2;
  assertAllclose(morphology['1'].startX, r(5, step, 100));
  assertAllclose(morphology['1'].x, r(5, step, 100 + step / 2));
  assertAllclose(morphology['1'].endX, r(5, step, 100 + step));
  assertAllclose(morphology['1'].startY, r(5, step, 0));
  assertAllclose(morphology['1'].y, r(5, step, step / 2));
  assertAllclose(morphology['1'].endY, r(5, step, step));
  assertAllclose(morphology['1'].z, ums(ones(5, 0)));
  // section: cable['2']
  step = 10 / SQRT2;
  assertAllclose(morphology['2'].startX, r(5, step, 100));
  if (useCylinders) assertAllclose(morphology['2'].x, r(5, step, 100 + step / 2));
  assertAllclose(morphology['2'].endX, r(5, step, 100 + step));
  assertAllclose(morphology['2'].startY, r(5, -step, 0));
  if (useCylinders) assertAllclose(morphology['2'].y, r(5, -step, -step / 2));
  assertAllclose(morphology['2'].endY, r(5, -step, -step));
  if (useCylinders) assertAllclose(morphology['2'].z, ums(ones(5, 0)));
}

brianTest('test_tree_soma_schematic', {}, () => {
  const soma = new Soma({ diameter: um(30) });
  soma.L = new Section({ n: 5, diameter: ums([8, 8, 6, 4, 2, 0]), length: ums(ones(5, 20)) }); // tapering truncated cones
  soma.R = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  checkTreeSoma(soma);
});

brianTest('test_tree_soma_coordinates', {}, () => {
  const six = [0, 20, 40, 60, 80, 100];
  const soma = new Soma({ diameter: um(30), x: um(100) });
  soma.L = new Section({
    n: 5,
    diameter: ums([8, 8, 6, 4, 2, 0]),
    x: scaled(six, SQRT2),
    y: scaled(six, SQRT2),
  });
  soma.R = new Cylinder({ n: 5, diameter: um(5), x: scaled([0, 50], SQRT2), y: scaled([0, -50], SQRT2) });
  checkTreeSoma(soma, true);
});

const SOMA_POINTS: MorphologyPoint[] = [
  // soma.L
  [2, 'L', 100 + 20 / S, 20 / S, 0, 8, 1],
  [3, 'L', 100 + 40 / S, 40 / S, 0, 6, 2],
  [4, 'L', 100 + 60 / S, 60 / S, 0, 4, 3],
  [5, 'L', 100 + 80 / S, 80 / S, 0, 2, 4],
  [6, 'L', 100 + 100 / S, 100 / S, 0, 0, 5],
  // soma.R
  [7, 'R', 100 + 10 / S, -10 / S, 0, 5, 1],
  [8, 'R', 100 + 20 / S, -20 / S, 0, 5, 7],
  [9, 'R', 100 + 30 / S, -30 / S, 0, 5, 8],
  [10, 'R', 100 + 40 / S, -40 / S, 0, 5, 9],
  [11, 'R', 100 + 50 / S, -50 / S, 0, 5, 10],
];

/** The same points after a three-point soma (indices and parents shifted by 2). */
const shifted = (points: MorphologyPoint[]): MorphologyPoint[] =>
  points.map(([i, name, x, y, z, d, p]) => [i + 2, name, x, y, z, d, p === 1 ? 1 : p + 2]);

brianTest('test_tree_soma_from_points', {}, () => {
  // The coordinates should be identical to the previous test
  const points: MorphologyPoint[] = [[1, 'soma', 100, 0, 0, 30, -1], ...SOMA_POINTS];
  const cable = MorphologyClass.fromPoints(points);
  checkTreeSoma(cable, true, false);
});

brianTest('test_tree_soma_from_points_3_point_soma', {}, () => {
  const points: MorphologyPoint[] = [
    [1, 'soma', 100, 0, 0, 30, -1],
    [2, 'soma', 100, 15, 0, 30, 1],
    [3, 'soma', 100, -15, 0, 30, 1],
    ...shifted(SOMA_POINTS),
  ];
  const cable = MorphologyClass.fromPoints(points);
  checkTreeSoma(cable, true, false);
  // The first compartment should be a spherical soma!
  assert.ok(cable instanceof Soma);
});

brianTest('test_tree_soma_from_points_3_point_soma_incorrect', {}, () => {
  const L = shifted(SOMA_POINTS).slice(0, 5);
  // Inconsistent diameters
  let points: MorphologyPoint[] = [
    [1, 'soma', 100, 0, 0, 30, -1],
    [2, 'soma', 100, 15, 0, 28, 1],
    [3, 'soma', 100, -15, 0, 30, 1],
    ...L,
  ];
  assert.throws(() => MorphologyClass.fromPoints(points), { code: 'morphology_format' });
  // Inconsistent coordinates
  points = [
    [1, 'soma', 100, 0, 0, 30, -1],
    [2, 'soma', 100, 15, 0, 30, 1],
    [3, 'soma', 100, -16, 0, 30, 1],
    ...L,
  ];
  assert.throws(() => MorphologyClass.fromPoints(points), { code: 'morphology_format' });
});

brianTest('test_tree_soma_from_points_somas_not_at_start', {}, () => {
  // A single soma in the middle (unusual but possible)
  let points: MorphologyPoint[] = [
    [1, 'dend', 100, 0, 0, 10, -1],
    [2, 'dend', 100, 0, 0, 10, 1],
    [3, 'dend', 100, 0, 0, 10, 2],
    [4, 'soma', 100, 0, 0, 30, 3],
    [5, 'dend2', 130, 0, 0, 10, 4],
    [6, 'dend2', 160, 0, 0, 10, 5],
  ];
  let morpho = MorphologyClass.fromPoints(points);
  assert.equal(morpho.totalSections, 3);
  assert.equal(morpho.totalCompartments, 5);

  // Several somata (probably an error). Brian 2.5.1 does not warn here; brian-ts warns as
  // the newer Brian this test comes from does.
  points = [
    [1, 'dend', 0, 0, 0, 10, -1],
    [2, 'dend', 30, 0, 0, 10, 1],
    [3, 'dend', 60, 0, 0, 10, 2],
    [4, 'soma', 90, 0, 0, 30, 3],
    [5, 'dend2', 120, 70, 0, 10, 4],
    [6, 'dend2', 150, 70, 0, 10, 5],
    [7, 'soma', 180, 40, 0, 30, 6],
  ];
  const warnings = warningsOf(() => {
    morpho = MorphologyClass.fromPoints(points);
  });
  assert.equal(warnings.length, 1);
  assert.ok(warnings[0].endsWith('soma_compartments'));
  assert.equal(morpho.totalSections, 4);
  assert.equal(morpho.totalCompartments, 6);
});

const SOMA_SWC_TAIL = (first: number) =>
  [
    '2  114.14213562373095  14.142135623730949  0  4',
    '2  128.2842712474619  28.284271247461898  0  3',
    '2  142.42640687119285  42.426406871192846  0  2',
    '2  156.5685424949238  56.568542494923797  0  1',
    '2  170.71067811865476  70.710678118654741  0  0',
    '2  107.07106781186548  -7.0710678118654746  0  2.5',
    '2  114.14213562373095  -14.142135623730949  0  2.5',
    '2  121.21320343559643  -21.213203435596423  0  2.5',
    '2  128.2842712474619  -28.284271247461898  0  2.5',
    '2  135.35533905932738  -35.35533905932737  0  2.5',
  ]
    .map((line, k) => {
      const index = first + k;
      const parent = k === 0 || k === 5 ? 1 : index - 1;
      return `${index}   ${line}  ${parent}`;
    })
    .join('\n');

brianTest('test_tree_soma_from_swc', {}, () => {
  const content = `\n# Test file\n1    1  100  0  0  15  -1\n${SOMA_SWC_TAIL(2)}\n`;
  checkTreeSoma(fromSwcFile(content), true, false);
});

const threePointSwc = (second: string, third: string) =>
  `\n# Test file\n1    1  100  0  0  15  -1\n2    1  ${second}  1\n3    1  ${third}  1\n${SOMA_SWC_TAIL(4)}\n`;

brianTest('test_tree_soma_from_swc_3_point_soma', {}, () => {
  checkTreeSoma(fromSwcFile(threePointSwc('100  15  0  15', '100  -15  0  15')), true, false);
});

brianTest('test_tree_soma_from_swc_3_point_soma_incorrect_points', {}, () => {
  assert.throws(() => fromSwcFile(threePointSwc('100  15  0  15', '100  -10  0  15')), {
    code: 'morphology_format',
    message: /radius is 15\.000um/,
  });
});

brianTest('test_tree_soma_from_swc_3_point_soma_incorrect_radius', {}, () => {
  assert.throws(() => fromSwcFile(threePointSwc('100  15  0  10', '100  -15  0  15')), {
    code: 'morphology_format',
    message: /not all the diameters are identical/,
  });
});

brianTest('test_construction_incorrect_arguments', {}, () => {
  const bad = (f: () => unknown, code: string) => assert.throws(f, { code });
  // Morphology (Brian calls Morphology.__init__ on an instance; here through a subclass)
  bad(() => new Cylinder({ n: 1.5, diameter: um(1), length: um(1) }), 'bad_argument');
  bad(() => new Cylinder({ n: 0, diameter: um(1), length: um(1) }), 'bad_argument');
  bad(() => new Cylinder({ n: 'filename.swc' as never, diameter: um(1), length: um(1) }), 'bad_argument');

  // Soma
  bad(() => new Soma(10 as never), 'missing_unit');
  bad(() => new Soma(ums([10, 20])), 'bad_argument');
  bad(() => new Soma({ diameter: um(10), x: ums([10, 20]) }), 'bad_argument');
  bad(() => new Soma({ diameter: um(10), y: ums([10, 20]) }), 'bad_argument');
  bad(() => new Soma({ diameter: um(10), z: ums([10, 20]) }), 'bad_argument');
  bad(() => new Soma({ diameter: um(10), x: 10 as never }), 'missing_unit');
  bad(() => new Soma({ diameter: um(10), y: 10 as never }), 'missing_unit');
  bad(() => new Soma({ diameter: um(10), z: 10 as never }), 'missing_unit');

  // Cylinder: diameter can only be a single value
  bad(() => new Cylinder({ n: 3, diameter: ums([10, 20]), length: um(100) }), 'bad_argument');
  bad(() => new Cylinder({ n: 3, diameter: ums([10, 20, 30]), length: um(100) }), 'bad_argument');
  bad(() => new Cylinder({ n: 3, diameter: um([[1], [1], [1]]) as never, length: um(100) }), 'bad_argument');
  // Length can only be a single value
  bad(() => new Cylinder({ n: 3, diameter: um(10), length: ums([10, 20]) }), 'bad_argument');
  bad(() => new Cylinder({ n: 3, diameter: um(10), length: ums([10, 20, 30]) }), 'bad_argument');
  bad(() => new Cylinder({ n: 3, diameter: um(10), length: um([[1], [1], [1]]) as never }), 'bad_argument');
  // Coordinates have to be two values
  for (const c of ['x', 'y', 'z']) {
    bad(() => new Cylinder({ n: 3, diameter: um(10), [c]: ums([10]) }), 'bad_argument');
    bad(() => new Cylinder({ n: 3, diameter: um(10), [c]: ums([10, 20, 30]) }), 'bad_argument');
  }
  // Need either coordinates or lengths
  bad(() => new Cylinder({ n: 3, diameter: um(10) }), 'bad_argument');
  // But not both
  bad(() => new Cylinder({ n: 3, diameter: um(10), length: um(30), x: ums([0, 30]) }), 'bad_argument');

  // Section: diameter has to be n+1 values
  const d4 = ums(ones(4, 10));
  bad(() => new Section({ n: 3, diameter: um(10), length: ums(ones(3, 10)) }), 'bad_argument');
  bad(() => new Section({ n: 3, diameter: ums([10, 20, 30]), length: ums(ones(3, 10)) }), 'bad_argument');
  bad(
    () =>
      new Section({
        n: 3,
        diameter: um([
          [1, 1],
          [1, 1],
          [1, 1],
          [1, 1],
        ]) as never,
        length: ums(ones(3, 10)),
      }),
    'bad_argument',
  );
  // Length has to be n values
  bad(() => new Section({ n: 3, diameter: d4, length: um(10) }), 'bad_argument');
  bad(() => new Section({ n: 3, diameter: d4, length: ums([10, 20]) }), 'bad_argument');
  bad(
    () =>
      new Section({
        n: 3,
        diameter: d4,
        length: um([
          [1, 1],
          [1, 1],
          [1, 1],
        ]) as never,
      }),
    'bad_argument',
  );
  // Coordinates have to be n+1 values
  for (const c of ['x', 'y', 'z']) {
    bad(() => new Section({ n: 3, diameter: d4, [c]: um(10) }), 'bad_argument');
    bad(() => new Section({ n: 3, diameter: d4, [c]: ums([10, 20, 30]) }), 'bad_argument');
  }
  // Need either coordinates or lengths
  bad(() => new Section({ n: 3, diameter: d4 }), 'bad_argument');
  // But not both
  bad(
    () => new Section({ n: 3, diameter: d4, length: ums([10, 20, 30]), x: ums([0, 10, 20, 30]) }),
    'bad_argument',
  );
});

brianTest('test_from_points_long_chain', {}, () => {
  // in previous versions, this led to a recursion error
  const points: MorphologyPoint[] = [[1, 'soma', 0, 0, 0, 1, -1]];
  for (let i = 2; i < 10000; i++) points.push([i, 'dend', 0 + i * 10, 0, 0, 5, i - 1]);
  const morph = MorphologyClass.fromPoints(points);
  assert.equal(morph.totalCompartments, 10000 - 1); // compartments are in-between the points
  assert.equal(morph.totalSections, 2);
});

brianTest('test_from_points_minimal', {}, () => {
  const morph = MorphologyClass.fromPoints([[1, 'soma', 10, 20, 30, 30, -1]]);
  assert.equal(morph.totalCompartments, 1);
  assertAllclose(morph.diameter, um(30));
  assertAllclose(morph.x!, um(10));
  assertAllclose(morph.y!, um(20));
  assertAllclose(morph.z!, um(30));
});

brianTest('test_from_points_incorrect', {}, () => {
  const points: MorphologyPoint[] = [
    [1, null, 0, 0, 0, 10, -1],
    [2, null, 10, 0, 0, 10, 1],
    [2, null, 20, 0, 0, 10, 2],
  ];
  const points2: MorphologyPoint[] = [
    [1, null, 0, 0, 0, 10, -1],
    [2, null, 10, 0, 0, 10, 1],
    [3, null, 20, 0, 0, 10, 3],
  ];
  const points3: MorphologyPoint[] = [
    [1, null, 0, 0, 0, 10, -1],
    [2, null, 10, 0, 0, 10, 1],
    [3, null, 20, 0, 0, 10, 4],
  ];
  const points4 = [
    [1, 0, 0, 0, 10, -1],
    [2, 10, 0, 0, 10, 1],
    [3, 20, 0, 0, 10, 2],
  ] as unknown as MorphologyPoint[];
  for (const p of [points, points2, points3, points4]) {
    assert.throws(() => MorphologyClass.fromPoints(p), { code: 'morphology_format' });
  }
});

brianTest('test_subtree_deletion', {}, () => {
  const soma = new Soma({ diameter: um(30) });
  const firstDendrite = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  const secondDendrite = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  secondDendrite.L = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  secondDendrite.R = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  soma.dend1 = firstDendrite;
  soma.dend2 = secondDendrite;
  soma.dend3 = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  soma.dend3.L = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  soma.dend3.L.L = new Cylinder({ n: 5, diameter: um(5), length: um(50) });
  assert.equal(soma.totalCompartments, 36);

  delete soma.dend1;
  assert.equal(soma.totalCompartments, 31);
  assert.throws(() => soma.dend1, { code: 'unknown_section' });
  assert.throws(
    () => {
      delete soma.dend1;
    },
    { code: 'unknown_section' },
  );
  assert.throws(() => soma.removeSubtree('dend1'), { code: 'unknown_section' });
  assert.ok(!soma.children.includes(firstDendrite));

  soma.removeSubtree('dend2');
  assert.equal(soma.totalCompartments, 16);
  assert.throws(() => soma.dend2, { code: 'unknown_section' });
  assert.ok(!soma.children.includes(secondDendrite));

  delete soma.dend3.LL;
  assert.equal(soma.totalCompartments, 11);
  assert.throws(() => soma.dend3.LL, { code: 'unknown_section' });
  assert.throws(() => soma.dend3.L.L, { code: 'unknown_section' });
});

function subgroupMorphology(): Morphology {
  const morpho = new Soma({ diameter: um(30) });
  morpho.L = new Cylinder({ length: um(10), diameter: um(1), n: 10 });
  morpho.LL = new Cylinder({ length: um(5), diameter: um(2), n: 5 });
  morpho.right = new Cylinder({ length: um(3), diameter: um(1), n: 7 });
  return morpho;
}

brianTest('test_subgroup_indices', {}, () => {
  const morpho = subgroupMorphology();
  assertEqual(morpho.LL.indices(), [11, 12, 13, 14, 15]);
  assertEqual(morpho.L.slice(um(3), um(5)).indices(), [4, 5]);
  assertEqual(morpho.L.slice(um(3), um(5)).indices(), morpho.L.slice(um(3), um(5)).indices());
  assertEqual(morpho.L.slice(undefined, um(5)).indices(), [1, 2, 3, 4, 5]);
  assertEqual(morpho.L.slice(um(3)).indices(), [4, 5, 6, 7, 8, 9, 10]);
  assertEqual(morpho.L.indexAt(um(3.5)), 4);
  assertEqual(morpho.L.indexAt(um(3)), 4);
  assertEqual(morpho.L.indexAt(um(3.9)), 4);
  assertEqual(morpho.L.indexAt(3), 4);
  assertEqual(morpho.L.indexAt(-1), 10);
  assertEqual(morpho.L.slice(3, 5).indices(), [4, 5]);
  assertEqual(morpho.L.slice(3).indices(), [4, 5, 6, 7, 8, 9, 10]);
  assertEqual(morpho.L.slice(undefined, 5).indices(), [1, 2, 3, 4, 5]);
});

brianTest('test_subgroup_attributes', {}, () => {
  const morpho = new Soma({ diameter: um(30) });
  morpho.L = new Cylinder({ length: um(10), diameter: um(1), n: 10 });
  morpho.LL = new Cylinder({ x: ums([0, 5]), diameter: um(2), n: 5 });
  morpho.right = new Cylinder({ length: um(3), diameter: um(1), n: 7 });
  const attributes = ['area', 'volume', 'length', 'rLength1', 'rLength2', 'distance', 'diameter'];
  const coordinates = ['x', 'y', 'z', 'startX', 'startY', 'startZ', 'endX', 'endY', 'endZ'];

  // Getting a single compartment by index
  for (const a of attributes) assertAllclose(morpho.L.at(2)[a], morpho.L[a].at(2), { message: a });
  for (const c of coordinates) assert.equal(morpho.L.at(2)[c as 'x'], undefined, c);

  // Getting a single compartment by position
  for (const a of [...attributes, ...coordinates]) {
    assertAllclose(morpho.LL.at(um(1.5))[a as 'x']!, morpho.LL[a].at(1), { message: a });
  }

  // Getting several compartments by indices
  for (const a of attributes)
    assertAllclose(morpho.right.slice(3, 6)[a as 'x']!, morpho.right[a].slice(3, 6));
  for (const c of coordinates) assert.equal(morpho.right.slice(3, 6)[c as 'x'], undefined, c);

  // Getting several compartments by position
  assertAllclose(morpho.L.slice(um(3), um(5)).distance, ums([3.5, 4.5]));
  assertAllclose(morpho.L.slice(um(3.5), um(4.5)).distance, ums([3.5, 4.5]));
});

brianTest('test_subgroup_incorrect', {}, () => {
  const morpho = subgroupMorphology();
  // Non-existing branch
  assert.throws(() => morpho.axon, { code: 'unknown_section' });
  // Incorrect indexing: wrong units or mixing units
  assert.throws(() => morpho.L.slice(second(3), second(5)), { code: 'bad_argument' });
  assert.throws(() => morpho.L.slice(3.4, 5.3), { code: 'bad_argument' });
  assert.throws(() => morpho.L.slice(3, um(5)), { code: 'bad_argument' });
  assert.throws(() => morpho.L.slice(um(3), 5), { code: 'bad_argument' });
  // (Slices with a step: JavaScript calls have no step.)
  // incorrect type
  assert.throws(() => morpho.L.at({} as never), { code: 'bad_argument' });
  // out of range
  assert.throws(() => morpho.L.at(um(-10)), { code: 'index_out_of_range' });
  assert.throws(() => morpho.L.at(um(15)), { code: 'index_out_of_range' });
  assert.throws(() => morpho.L.at(10), { code: 'index_out_of_range' });
});

/** Brian's test morphology for topology and coordinate generation. */
function treeMorphology(withRight = true): Morphology {
  const morph = new Soma({ diameter: um(30) });
  morph.L = new Section({ n: 5, diameter: ums([10, 8, 6, 4, 2, 0]), length: ums(ones(5, 20)) }); // tapering truncated cones
  morph.R = new Cylinder({ n: 10, diameter: um(5), length: um(50) });
  if (withRight) {
    morph.R.left = new Cylinder({ n: 10, diameter: um(2.5), length: um(50) });
    morph.R.right = new Section({ n: 5, diameter: ums([5, 4, 3, 2, 1, 0]), length: ums(ones(5, 10)) });
  }
  return morph;
}

brianTest('test_topology', {}, () => {
  const lines = treeMorphology()
    .topology()
    .split('\n')
    .filter((l) => l.trim().length > 0);
  assert.equal(lines.length, 5); // one line for each section
  ['root', '.L', '.R', '.R.left', 'R.right'].forEach((name, k) => {
    assert.ok(lines[k].includes(name), lines[k]);
  });
});

brianTest('test_copy_section_soma', {}, () => {
  let soma = new Soma({ diameter: um(30) });
  let copy = soma.copySection();
  assertEqual(copy.diameter.at(0), um(30));
  assert.equal(copy.x, undefined);
  assert.equal(copy.y, undefined);
  assert.equal(copy.z, undefined);
  assert.equal(copy.type, 'soma');

  soma = new Soma({ diameter: um(30), x: um(5), z: um(-10) });
  copy = soma.copySection();
  assertEqual(copy.diameter.at(0), um(30));
  assertAllclose(copy.x!.at(0), um(5));
  assertAllclose(copy.y!.at(0), um(0));
  assertAllclose(copy.z!.at(0), um(-10));
  assert.equal(copy.type, 'soma');
});

function checkCopy(sec: Morphology, withStart: boolean): void {
  const copy = sec.copySection();
  if (withStart) assertAllclose(copy.startDiameter, sec.startDiameter);
  assertAllclose(copy.endDiameter, sec.endDiameter);
  assertAllclose(copy.length, sec.length);
  assert.equal(copy.n, sec.n);
  if (sec.x === undefined) {
    assert.equal(copy.x, undefined);
    assert.equal(copy.y, undefined);
    assert.equal(copy.z, undefined);
  } else {
    assertAllclose(copy.x!, sec.x!);
    assertAllclose(copy.y!, sec.y!);
    assertAllclose(copy.z!, sec.z!);
  }
  assert.equal(copy.type, sec.type);
}

brianTest('test_copy_section_section', {}, () => {
  // No coordinates
  checkCopy(
    new Section({ diameter: ums([10, 5, 4, 3, 2, 1]), n: 5, length: ums(ones(5, 10)), type: 'dend' }),
    true,
  );
  // With coordinates
  const sec = new Section({
    diameter: ums([10, 5, 4, 3, 2, 1]),
    n: 5,
    x: ums([0, 1, 2, 3, 4, 5]),
    y: ums([0, -1, -2, -3, -4, -5]),
  });
  checkCopy(sec, true);
  assert.equal(sec.copySection().type, undefined);
});

brianTest('test_copy_section_cylinder', {}, () => {
  // (Brian's test copies Sections here too.)
  checkCopy(
    new Section({ diameter: ums([10, 5, 4, 3, 2, 1]), n: 5, length: ums(ones(5, 20)), type: 'dend' }),
    false,
  );
  checkCopy(
    new Section({
      diameter: ums([10, 5, 4, 3, 2, 1]),
      n: 5,
      x: ums([0, 1, 2, 3, 4, 5]),
      y: ums([0, -1, -2, -3, -4, -5]),
    }),
    false,
  );
});

function checkLengthCoordConsistency(morph: Morphology): void {
  if (!(morph instanceof Soma)) {
    const points = morph.coordinates_!;
    const calculated = points
      .slice(1)
      .map((p, k) => Math.hypot(...[0, 1, 2].map((c) => p[c] - points[k][c])));
    assertAllclose(new QuantityArray(Float64Array.from(calculated), um.dim), morph.length);
  }
  for (const child of morph.children) checkLengthCoordConsistency(child);
}

const PAIRS = (a: Morphology, b: Morphology, withRight = true): [Morphology, Morphology][] => [
  [a, b],
  [a.L, b.L],
  [a.R, b.R],
  ...(withRight
    ? ([
        [a.R.left, b.R.left],
        [a.R.right, b.R.right],
      ] as [Morphology, Morphology][])
    : []),
];

function checkSameShape(pairs: [Morphology, Morphology][]): void {
  for (const [fresh, old] of pairs) {
    assert.equal(fresh.n, old.n);
    assertAllclose(fresh.length, old.length);
    assertAllclose(fresh.diameter, old.diameter);
  }
}

brianTest('test_generate_coordinates_deterministic', {}, () => {
  const morph = treeMorphology();
  const withCoords = morph.generateCoordinates();
  assert.equal(withCoords.totalCompartments, morph.totalCompartments);
  assert.equal(withCoords.totalSections, morph.totalSections);
  checkSameShape(PAIRS(withCoords, morph));
  // The morphology should be in the x/y plane
  for (const [fresh] of PAIRS(withCoords, morph)) assertEqual(fresh.z!, um(0));
  checkLengthCoordConsistency(withCoords);
});

for (const [name, options] of [
  ['test_generate_coordinates_random_sections', { sectionRandomness: 25 }],
  ['test_generate_coordinates_random_compartments', { compartmentRandomness: 15 }],
  ['test_generate_coordinates_random_all', { sectionRandomness: 25, compartmentRandomness: 15 }],
] as const) {
  brianTest(name, {}, () => {
    const morph = treeMorphology();
    const withCoords = morph.generateCoordinates(options);
    assert.equal(withCoords.totalCompartments, morph.totalCompartments);
    assert.equal(withCoords.totalSections, morph.totalSections);
    checkSameShape(PAIRS(withCoords, morph));
    checkLengthCoordConsistency(withCoords);
  });
}

function checkSameCoordinates(pairs: [Morphology, Morphology][]): void {
  checkSameShape(pairs);
  for (const [fresh, old] of pairs) {
    assertAllclose(fresh.x!, old.x!);
    assertAllclose(fresh.y!, old.y!);
    assertAllclose(fresh.z!, old.z!);
  }
}

brianTest('test_generate_coordinates_no_overwrite', {}, () => {
  const withCoords = treeMorphology().generateCoordinates({ compartmentRandomness: 15 });
  // This should not change anything because the morphology already has coordinates!
  const withCoords2 = withCoords.generateCoordinates({ sectionRandomness: 25, compartmentRandomness: 15 });
  checkSameCoordinates(PAIRS(withCoords2, withCoords));
});

brianTest('test_generate_coordinates_overwrite', {}, () => {
  const withCoords = treeMorphology().generateCoordinates({ compartmentRandomness: 15 });
  // This should change things since we explicitly ask for it
  const withCoords2 = withCoords.generateCoordinates({
    sectionRandomness: 25,
    compartmentRandomness: 15,
    overwriteExisting: true,
  });
  const pairs = PAIRS(withCoords2, withCoords).slice(1); // ignore the root compartment
  checkSameShape(pairs);
  for (const [fresh, old] of pairs) {
    for (const c of ['x_', 'y_', 'z_']) {
      const a = fresh[c] as Float64Array;
      const b = old[c] as Float64Array;
      assert.ok(
        a.every((v, k) => Math.abs(v - b[k]) > 0),
        c,
      );
    }
  }
  checkLengthCoordConsistency(withCoords2);
});

brianTest('test_generate_coordinates_mixed_overwrite', {}, () => {
  const withCoords = treeMorphology(false).generateCoordinates({
    sectionRandomness: 25,
    compartmentRandomness: 15,
  });
  // The following just returns a copy, as all coordinates are already specified
  withCoords.generateCoordinates();
  // Add new sections that do not yet have coordinates
  withCoords.R.left = new Cylinder({ n: 10, diameter: um(2.5), length: um(50) });
  withCoords.R.right = new Section({ n: 5, diameter: ums([5, 4, 3, 2, 1, 0]), length: ums(ones(5, 10)) });
  // This should change things since we explicitly ask for it
  const withCoords2 = withCoords.generateCoordinates({ sectionRandomness: 25, compartmentRandomness: 15 });
  checkSameCoordinates(PAIRS(withCoords2, withCoords, false));
  assert.equal(withCoords.R.left.x, undefined);
  assert.equal(withCoords2.R.left.x.length, withCoords2.R.left.n);
  checkLengthCoordConsistency(withCoords2);
});

brianTest('test_str_repr', {}, () => {
  // A very basic test: the string functions return something and do not raise an error
  for (const morph of [
    new Soma({ diameter: um(30) }),
    new Soma({ diameter: um(30), x: um(5), y: um(10) }),
    new Cylinder({ n: 5, diameter: um(10), length: um(50) }),
    new Cylinder({ n: 5, diameter: um(10), x: ums([0, 50]) }),
    new Section({ n: 5, diameter: ums([2.5, 5, 10, 5, 10, 5]), length: ums([10, 20, 5, 5, 10]) }),
    new Section({ n: 5, diameter: ums([2.5, 5, 10, 5, 10, 5]), x: ums([0, 10, 30, 35, 40, 50]) }),
  ]) {
    assert.ok(String(morph).length > 0);
  }
  const morph = new Soma(um(30));
  assert.ok(String(morph.children).length > 0);
  morph.axon = new Cylinder(um(1), { n: 10, length: um(100) });
  morph.dend = new Cylinder(um(1), { n: 10, length: um(50) });
  assert.ok(String(morph.children).length > 0);
});
