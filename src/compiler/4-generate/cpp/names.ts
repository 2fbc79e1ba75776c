import type { ScalarType } from '../../functions.ts';

/**
 * Identifiers of the C++ target. Locals keep the IR's names except where C++ reserves them
 * (`int`, `float`, `new` … are valid Brian names); arrays are reached through pointers named
 * after their id, exactly as the JavaScript target does.
 */

const CPP_RESERVED = new Set(
  (
    'alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t char32_t ' +
    'class compl concept const consteval constexpr constinit const_cast continue co_await co_return ' +
    'co_yield decltype default delete do double dynamic_cast else enum explicit export extern false float ' +
    'for friend goto if inline int long mutable namespace new noexcept not not_eq nullptr operator or or_eq ' +
    'private protected public register reinterpret_cast requires return short signed sizeof static ' +
    'static_assert static_cast struct switch template this thread_local throw true try typedef typeid ' +
    'typename union unsigned using virtual void volatile wchar_t while xor xor_eq ' +
    // macros and names of <cmath> / <cstdint> that a local must not shadow or collide with
    'NAN INFINITY EOF NULL errno assert main'
  ).split(' '),
);

/** The C++ name of an IR local. */
export function cppLocal(name: string): string {
  return CPP_RESERVED.has(name) ? `_cpp_${name}` : name;
}

/**
 * A valid C++ identifier fragment made from an array id or any other name. With this,
 * `cppComment` and `cppString` below, it is the only way text that did not come from brian-ts
 * itself (object, array, kernel, function and file names) enters generated C++.
 */
export function mangleId(arrayId: string): string {
  return arrayId.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * `text` inside a `//` comment: printable ASCII except `\` and `?` (a backslash before the line
 * end would continue the comment onto the next line; `??/` is a trigraph for one) is kept,
 * everything else is written as `<U+…>`.
 */
export function cppComment(text: string): string {
  return text.replace(/[^\x20-\x7e]|[\\?]/gu, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase()}>`);
}

/** `text` as a C++ string literal (octal escapes for anything but letters, digits and safe punctuation). */
export function cppString(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '"';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out +=
      /[A-Za-z0-9 _.,:;/+=()[\]{}<>#%&|^~!*-]/.test(c) && b < 128 ? c : `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** The local pointer to an array's elements inside a kernel. */
export function ptr(arrayId: string): string {
  return `_ptr_${mangleId(arrayId)}`;
}

/** C++ element type of a scalar type (booleans are stored as bytes, as Brian's `char`). */
export function storageType(type: ScalarType): string {
  switch (type) {
    case 'float':
      return 'double';
    case 'integer':
      return 'int32_t';
    case 'boolean':
      return 'char';
  }
}

/** C++ type of a local holding a value of the scalar type. */
export function localType(type: ScalarType): string {
  return type === 'boolean' ? 'bool' : storageType(type);
}

/** The C++ name of a pathway's spike queue in a standalone program (the pathway's kernel has its name). */
export function queueName(pathway: string): string {
  return `_queue_${mangleId(pathway)}`;
}
