import { EXP_CONSTANTS, EXP2_FRACTIONS, EXP2_POWERS, EXP2_POWERS_OFFSET } from '../../core/math/exp.ts';
import { EXPREL_CONSTANTS, EXPREL_SERIES } from '../../core/math/exprel.ts';
import { LOG_CONSTANTS, LOG_SERIES } from '../../core/math/log.ts';
import { ZIGGURAT_F, ZIGGURAT_R, ZIGGURAT_X } from '../../core/random/ziggurat.ts';

/**
 * `brianlib/math_tables.h`: the tables and constants of the runtime's exp, exprel and log
 * (src/core/math/exp.ts, exprel.ts, log.ts) and of the normal generator (src/core/random/ziggurat.ts),
 * printed from the very numbers the JavaScript uses, so `_brian_exp`, `_brian_exprel`, `_brian_log`
 * (brianlib/brian_math.h) and `randn()` (brianlib/random.h) give the same bits. Numbers are printed in the shortest form that reads back exactly;
 * powers of two as hexadecimal literals (exact down to the smallest subnormal).
 */
export function mathTablesHeader(): string {
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
  const constants = [
    ...Object.entries(EXP_CONSTANTS).map(
      ([name, value]) => `static const double _BRIAN_EXP_${name} = ${exact(value)};`,
    ),
    ...Object.entries(EXPREL_CONSTANTS).map(
      ([name, value]) => `static const double _BRIAN_EXPREL_${name} = ${exact(value)};`,
    ),
    ...Object.entries(LOG_CONSTANTS).map(
      ([name, value]) => `static const double _BRIAN_LOG_${name} = ${exact(value)};`,
    ),
    `static const double _BRIAN_ZIGGURAT_R = ${exact(ZIGGURAT_R)};`,
  ];
  return `// Generated from src/core/math/exp.ts, exprel.ts, log.ts and src/core/random/ziggurat.ts: do not edit.
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

static const double _brian_exprel_series[${EXPREL_SERIES.length}] = {
${rows(EXPREL_SERIES.map(exact), 4)}
};

static const double _brian_log_series[${LOG_SERIES.length}] = {
${rows(LOG_SERIES.map(exact), 4)}
};

static const double _brian_ziggurat_x[${ZIGGURAT_X.length}] = {
${rows(Array.from(ZIGGURAT_X, exact), 4)}
};

static const double _brian_ziggurat_f[${ZIGGURAT_F.length}] = {
${rows(Array.from(ZIGGURAT_F, exact), 4)}
};
`;
}

/** A double literal that C++ reads back as exactly `value`. */
function exact(value: number): string {
  const s = String(value);
  return /[.e]/.test(s) ? s : `${s}.0`;
}
