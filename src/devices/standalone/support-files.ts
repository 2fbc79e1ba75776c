import { createHash } from 'node:crypto';
import { cppString } from '../../compiler/4-generate/cpp/names.ts';
import type { SupportCode } from './program.ts';

/**
 * Header file of a piece of support code, named after its content: the same code needed by
 * several functions (every TimedArray's lookup helper) is one header, included once.
 */
export function supportPath(s: SupportCode): string {
  const hash = createHash('sha256').update(s.code).update(s.headers.join('\n')).digest('hex').slice(0, 16);
  return `support/support_${hash}.h`;
}

/**
 * The header holding a user function's (or inline function's) C++ code. A `#line` directive
 * makes compiler messages point into the user's own code ("user function f:3: error …"), which
 * the builder turns into a code frame.
 */
export function supportHeader(s: SupportCode): string {
  const lines = ['#pragma once', '#include "../brianlib/kernel.h"'];
  for (const h of s.headers) lines.push(`#include ${h.startsWith('<') || h.startsWith('"') ? h : `<${h}>`}`);
  lines.push(`#line 1 ${cppString(s.label)}`);
  lines.push(s.code);
  return `${lines.join('\n')}\n`;
}
