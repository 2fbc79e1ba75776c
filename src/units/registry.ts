/**
 * Brian's unit registries, which decide how quantities are displayed ("best unit").
 *
 * Three registries are searched in order: standard (volt, mvolt, umetre2…, filled from the
 * generated unit table), user (units created by the user, including every unit made by unit
 * arithmetic such as `mV.div(ms)`, exactly as Brian registers them), additional (compound
 * units such as `newton * metre` and the litre family, used only when nothing else fits).
 * The first registry that knows the dimension picks the unit that brings the displayed values
 * closest to 10 (see `UnitRegistry.best`).
 *
 * This is display state only, like Brian's module-level registries; it never changes what a
 * quantity is, only how it prints.
 */
import { DIMENSIONLESS, type Dimension } from './dimension.ts';
import type { Unit } from './unit.ts';

/** One of Brian's unit registries (`UnitRegistry`): the units known for display, per dimension, from which the "best unit" of a value is chosen. */
export class UnitRegistry {
  /** Units by their full name (Brian's `repr`), in insertion order. */
  readonly units = new Map<string, Unit>();
  /** Per dimension: value → unit. Insertion order matters (ties go to the first). */
  private readonly byDim = new Map<Dimension, Map<number, Unit>>();

  constructor(
    /** Which registry this is, for messages: `standard`, `user` or `additional`. */
    readonly label: string,
  ) {}

  /** Registers a unit for display; a unit with the same dimension and value replaces the earlier one in place (as Brian's dict). */
  add(u: Unit): void {
    this.units.set(u.name, u);
    let perDim = this.byDim.get(u.dim);
    if (!perDim) {
      perDim = new Map();
      this.byDim.set(u.dim, perDim);
    }
    // Same semantics as Brian's dict: a second unit with the same value replaces the first but
    // keeps its position.
    perDim.set(u.value, u);
  }

  /** The units registered for a dimension, in lookup order. */
  unitsFor(dim: Dimension): Unit[] {
    return [...(this.byDim.get(dim)?.values() ?? [])];
  }

  /** The registered unit of this dimension with value 1 (unscaled), if any. */
  unscaled(dim: Dimension): Unit | undefined {
    return this.byDim.get(dim)?.get(1);
  }

  /**
   * Brian's `UnitRegistry.__getitem__`: among the units of this dimension, the one minimising
   * the sum over the (shown) values x of (log10(|x|/u) - 1)^2, i.e. bringing them closest to 10.
   * Zeros and NaNs are ignored; when nothing else is left the unscaled unit is used.
   * Returns undefined where Brian raises KeyError (the next registry is then tried).
   */
  best(dim: Dimension, shown: ArrayLike<number>): Unit | undefined {
    const matching = this.byDim.get(dim);
    if (!matching || matching.size === 0) return undefined;
    const scales = [...matching.keys()];
    const candidates = [...matching.values()];
    const deviation = new Float64Array(scales.length);
    let any = false;
    for (let i = 0; i < shown.length; i++) {
      const a = Math.abs(shown[i]);
      for (let j = 0; j < scales.length; j++) {
        const r = a / scales[j];
        if (r === 0 || Number.isNaN(r)) continue;
        any = true;
        const d = Math.log10(r) - 1;
        deviation[j] += d * d;
      }
    }
    if (!any) return matching.get(1);
    let bestIndex = 0;
    for (let j = 1; j < deviation.length; j++) if (deviation[j] < deviation[bestIndex]) bestIndex = j;
    return candidates[bestIndex];
  }
}

/** All the standard units (metre, kilogram, um2…): Brian's `standard_unit_register`. */
export const standardUnitRegister = new UnitRegistry('standard');
/** Units defined by the user or made by unit arithmetic: Brian's `user_unit_register`. */
export const userUnitRegister = new UnitRegistry('user');
/** Compound units (newton metre, farad / metre…) and litres: Brian's `additional_unit_register`. */
export const additionalUnitRegister = new UnitRegistry('additional');

const SEARCH_ORDER = [standardUnitRegister, userUnitRegister, additionalUnitRegister];

/**
 * Registers a unit for displaying quantities, as Brian's `register_new_unit`:
 * after `registerNewUnit(pfarad.div(mmetre.pow(2)))`, `farad/metre^2` values print in `pF/(mm^2)`.
 * Units made with unit arithmetic or `Unit.create` are registered automatically.
 */
export function registerNewUnit(u: Unit): void {
  userUnitRegister.add(u);
}

/**
 * The unit Brian would display these values of dimension `dim` in, or undefined when no
 * registered unit has that dimension (then Brian prints the SI dimension, e.g. `m^-4 kg^-1 s^3 A^2`)
 * or the dimension is dimensionless (no unit is printed).
 */
export function bestUnitFor(dim: Dimension, shown: ArrayLike<number>): Unit | undefined {
  if (dim === DIMENSIONLESS) return undefined;
  for (const register of SEARCH_ORDER) {
    const u = register.best(dim, shown);
    if (u) return u;
  }
  return undefined;
}

/** Brian's `get_unit`: a registered unscaled unit (`volt`, not `mvolt`) for a dimension. */
export function getUnit(dim: Dimension): Unit | undefined {
  for (const register of SEARCH_ORDER) {
    const u = register.unscaled(dim);
    if (u) return u;
  }
  return undefined;
}

/** Brian's `get_unit_for_display`: `V` for volt's dimension, `1` when dimensionless, else `m^-4 kg…`. */
export function unitForDisplay(dim: Dimension): string {
  if (dim === DIMENSIONLESS) return '1';
  return getUnit(dim)?.dispname ?? dim.toString();
}

/**
 * The SI unit of a dimension as text, for files and JSON: `V`, `s`, `S` for the units Brian names,
 * the SI dimension (`m^-4 kg^-1 s^3 A^2`) otherwise, `1` when dimensionless. Unlike
 * {@link unitForDisplay} it never picks a unit the user registered, so values in SI always match it.
 */
export function siUnitName(dim: Dimension): string {
  if (dim === DIMENSIONLESS) return '1';
  return standardUnitRegister.unscaled(dim)?.dispname ?? dim.toString();
}
