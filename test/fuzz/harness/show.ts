/**
 * Inputs as readable text for case labels (printed when a case fails): strings quoted with
 * escapes, NaN/Infinity/-0/undefined spelled out, quantities as Brian prints them, long things
 * cut, so a failure line shows what was passed.
 */
export function show(value: unknown, budget = 300): string {
  const text = render(value, 0);
  return text.length > budget ? `${text.slice(0, budget)}…(${text.length} chars)` : text;
}

function render(value: unknown, depth: number): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const cut = value.length > 200 ? `${value.slice(0, 200)}…(${value.length} chars)` : value;
    return JSON.stringify(cut).replace(
      /[\u2028\u2029\ud800-\udfff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16)}`,
    );
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'boolean' || typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (depth > 3) return '…';
  if (Array.isArray(value)) {
    const head = value.slice(0, 8).map((x) => render(x, depth + 1));
    return `[${head.join(', ')}${value.length > 8 ? `, … ${value.length} items` : ''}]`;
  }
  if (ArrayBuffer.isView(value))
    return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype) {
    const name = proto.constructor?.name ?? 'object';
    if (name === 'Quantity' || name === 'QuantityArray') {
      try {
        return `${name}(${String(value)})`;
      } catch {
        return name;
      }
    }
    return `<${name}>`;
  }
  const entries = Object.entries(value as object).map(
    ([k, v]) => `${render(k, depth + 1)}: ${render(v, depth + 1)}`,
  );
  return `{${entries.join(', ')}}`;
}
