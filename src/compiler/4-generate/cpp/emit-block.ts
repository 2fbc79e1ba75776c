import type { IndexRef } from '../../2-analyze/scope.ts';
import type { FunctionDef } from '../../functions.ts';
import type { CodeBlock, Kernel } from '../../ir/kernel.ts';
import { randomSites } from '../../ir/random-sites.ts';
import type { CodeWriter } from '../code-writer.ts';
import { cppLocal, localType, ptr } from './names.ts';
import { CppExprPrinter } from './print-expr.ts';

/** C++ text of the element index an access uses. */
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

/**
 * Prints loads, statements and stores of a block. `declared` holds the locals already in scope
 * (a local declared by the scalar block is assigned, not re-declared, in the vector block).
 * An integer local assigned a float value is converted as JavaScript's `| 0` does.
 */
export function emitBlock(w: CodeWriter, block: CodeBlock, kernel: Kernel, declared: Set<string>): void {
  const printer = new CppExprPrinter(block.types, functionTable(kernel), randomSites(kernel).of);
  for (const load of block.loads) {
    const name = cppLocal(load.local);
    const value = `${ptr(load.arrayId)}[${indexExpr(load.index)}]`;
    // Always a declaration, as in the JavaScript target (an inner block shadows an outer local).
    // A stored boolean is a byte holding 0 or 1; loading it into an `unsigned char` instead of a
    // `bool` spares the `!= 0` normalisation, which kept g++ from vectorising conditions well
    // (threshold: 0.32 → 0.22 ns per neuron-step). Every operator treats 0/1 bytes as booleans.
    const type = load.type === 'boolean' ? 'unsigned char' : localType(load.type);
    w.line(`${type} ${name} = ${value};`);
    declared.add(load.local);
  }
  for (const s of block.statements) {
    let value = printer.print(s.value);
    if (s.type === 'integer' && printer.typeOf(s.value) === 'float') value = `_brian_to_int32(${value})`;
    const name = cppLocal(s.name);
    if (s.kind === 'let' && !declared.has(s.name)) {
      w.line(`${localType(s.type)} ${name} = ${value};`);
      declared.add(s.name);
    } else {
      w.line(`${name} = ${value};`);
    }
  }
  for (const store of block.stores) {
    w.line(`${ptr(store.arrayId)}[${indexExpr(store.index)}] = ${cppLocal(store.local)};`);
  }
}

/**
 * At the start of an element's code: the draws of every per-element call site, keyed by
 * `element` (locals of the loop body, so OpenMP threads never share one).
 */
export function emitElementDraws(w: CodeWriter, kernel: Kernel, element: string): void {
  for (const site of randomSites(kernel).element) {
    w.line(`brian::SiteDraws _r${site}(_k${site}, (uint32_t)(${element}));`);
  }
}
