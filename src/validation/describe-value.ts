/**
 * A short description of what a user passed, for error messages: `NaN`, `"2*mV"`, `42`,
 * `an array of 3 values`, `a NeuronGroup`, `null`. Never throws (user objects may refuse
 * unknown attributes, so nothing beyond the constructor name is read).
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
  if (Array.isArray(value)) return `an array of ${value.length} value${value.length === 1 ? '' : 's'}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return 'an object';
  const name = proto.constructor?.name;
  if (name === 'Quantity' || name === 'QuantityArray') return `${String(value)} (a ${name})`;
  return name ? `a ${name}` : 'an object';
}
