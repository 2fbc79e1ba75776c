import type { IndexRef } from '../../2-analyze/scope.ts';
import type { FunctionDef } from '../../functions.ts';
import type { ArrayAccess, CodeBlock, Kernel } from '../../ir/kernel.ts';
import { randomSites } from '../../ir/random-sites.ts';
import type { CodeWriter } from '../code-writer.ts';
import { jsIdentifierPart } from './escape.ts';
import { JsExprPrinter } from './print-expr.ts';

/** The local holding the typed array of `arrayId` inside a JS kernel. */
export function ptr(arrayId: string): string {
  return `_ptr_${jsIdentifierPart(arrayId)}`;
}

/** JS text of the element index an access uses. */
export function indexExpr(index: IndexRef): string {
  if (index.kind === 'shared') return String(index.element ?? 0);
  let text: string = index.base;
  for (const step of index.steps) {
    text = step.kind === 'offset' ? `(${text} + ${step.by})` : `${ptr(step.arrayId)}[${text}]`;
  }
  return text;
}

export function functionTable(kernel: Kernel): Map<string, FunctionDef> {
  return new Map([...kernel.functions].map((f) => [f.name, f]));
}

/** Prints loads, statements and stores of a block. `declared` holds locals already in scope. */
export function emitBlock(w: CodeWriter, block: CodeBlock, kernel: Kernel, declared: Set<string>): void {
  const printer = new JsExprPrinter(block.types, functionTable(kernel), randomSites(kernel).of);
  for (const load of block.loads) emitLoad(w, load, declared);
  for (const s of block.statements) {
    // Boolean locals hold the numbers 0 and 1, as the loads from Uint8Arrays give them: a local
    // that held a number at its load and a comparison's true/false later is tagged (boxed) by
    // the JIT in every iteration (CUBA's `not_refractory`: 0.35 ns of 2 ns per neuron-step).
    // A float assigned to an integer is converted as int() converts it (NaN gives -2^31, as in Brian).
    const coerced =
      s.type === 'integer'
        ? `(${printer.toInt32(s.value)} | 0)`
        : s.type === 'boolean'
          ? `(+${printer.print(s.value)})`
          : printer.print(s.value);
    if (s.kind === 'let' && !declared.has(s.name)) {
      w.line(`let ${s.name} = ${coerced};`);
      declared.add(s.name);
    } else {
      w.line(`${s.name} = ${coerced};`);
    }
  }
  for (const store of block.stores) {
    w.line(`${ptr(store.arrayId)}[${indexExpr(store.index)}] = ${store.local};`);
  }
}

function emitLoad(w: CodeWriter, load: ArrayAccess, declared: Set<string>): void {
  const value = `${ptr(load.arrayId)}[${indexExpr(load.index)}]`;
  w.line(`let ${load.local} = ${value};`);
  declared.add(load.local);
}

/** At the start of an element's code: the draws of every per-element call site restart at `element`. */
export function emitElementDraws(w: CodeWriter, kernel: Kernel, element: string): void {
  for (const site of randomSites(kernel).element) w.line(`_r${site}.at(${element});`);
}
