import type { Span } from '../diagnostics/index.ts';
import { BrianError } from '../diagnostics/index.ts';
import type { Dimension } from './dimension.ts';
import { unitForDisplay } from './registry.ts';

/**
 * Quantities of different physical dimensions combined (`ms(5).add(mV(3))`), Brian's
 * `DimensionMismatchError`. Code `dimension_mismatch`. The message is Brian's: the description
 * followed by the units involved, `Cannot calculate 5. mV + 3. ms, units do not match (units are V and s).`
 */
export class DimensionMismatchError extends BrianError {
  /** The dimensions of the objects involved, in order. */
  readonly dims: readonly Dimension[];
  /** The description without the list of units. */
  readonly description: string;

  constructor(
    description: string,
    dims: readonly Dimension[] = [],
    where: { span?: Span; hint?: string } = {},
  ) {
    super('dimension_mismatch', describe(description, dims), where);
    this.name = 'DimensionMismatchError';
    this.dims = dims;
    this.description = description;
  }
}

function describe(description: string, dims: readonly Dimension[]): string {
  if (dims.length === 0) return description;
  if (dims.length === 1) return `${description} (unit is ${unitForDisplay(dims[0])}).`;
  if (dims.length === 2)
    return `${description} (units are ${unitForDisplay(dims[0])} and ${unitForDisplay(dims[1])}).`;
  return `${description} (units are ${dims.map((d) => `(${unitForDisplay(d)})`).join(' ')}).`;
}

/**
 * A value that must be dimensionless but is not (`Number(ms(5))`). Code `dimension_not_dimensionless`.
 * `subject` names the value, `purpose` says what for: "5. ms must be dimensionless to be used as a number".
 */
export function notDimensionless(
  subject: string,
  dim: Dimension,
  purpose: string,
  hint?: string,
): BrianError {
  return new BrianError(
    'dimension_not_dimensionless',
    `${subject} must be dimensionless ${purpose}, but has unit ${unitForDisplay(dim)}.`,
    hint ? { hint } : {},
  );
}
