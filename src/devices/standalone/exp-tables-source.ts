import { EXP_CONSTANTS, EXP2_FRACTIONS, EXP2_POWERS, EXP2_POWERS_OFFSET } from '../runtime/exp.ts';

/**
 * `brianlib/exp_tables.h`: the tables and constants of the runtime's exp (runtime/exp.ts),
 * printed from the very numbers the JavaScript uses, so `_brian_exp` (brianlib/functions.h)
 * gives the same bits. Numbers are printed in the shortest form that reads back exactly;
 * powers of two as hexadecimal literals (exact down to the smallest subnormal).
 */
export function expTablesHeader(): string {
  const power = (v: number) => {
    if (v === 0) return '0.0';
    if (v === Number.POSITIVE_INFINITY) return 'INFINITY';
    return `0x1p${Math.round(Math.log2(v))}`;
  };
  const rows = (values: readonly string[], perRow: number) => {
    const out: string[] = [];
    for (let k = 0; k < values.length; k += perRow) out.push(`  ${values.slice(k, k + perRow).join(', ')},`);
    return out.join('\n');
  };
  const constants = Object.entries(EXP_CONSTANTS).map(
    ([name, value]) => `static const double _BRIAN_EXP_${name} = ${exact(value)};`,
  );
  return `// Generated from src/devices/runtime/exp.ts: do not edit.
#pragma once
#include <cmath>

${constants.join('\n')}
static const int _BRIAN_EXP2_POWERS_OFFSET = ${EXP2_POWERS_OFFSET};

static const double _brian_exp2_fractions[${EXP2_FRACTIONS.length}] = {
${rows(EXP2_FRACTIONS.map(exact), 4)}
};

static const double _brian_exp2_powers[${EXP2_POWERS.length}] = {
${rows(Array.from(EXP2_POWERS, power), 8)}
};
`;
}

/** A double literal that C++ reads back as exactly `value`. */
function exact(value: number): string {
  const s = String(value);
  return /[.e]/.test(s) ? s : `${s}.0`;
}
