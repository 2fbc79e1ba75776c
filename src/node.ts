/**
 * brian-ts for Node.js: the whole public API of `src/index.ts`, plus what needs Node (the
 * `cpp_standalone` device, runtime kernels compiled by g++, snapshot files, V8 tuning,
 * `$BRIAN_*` switches), installed when this module is imported. Under Node, `import … from
 * 'brian-ts'` resolves here (package.json `exports`, condition `node`); bundlers for the
 * browser resolve `src/index.ts`, which never imports `node:*`. Scripts, tests and examples of
 * this repository get it through `src/index.ts` as well: the test runner and the examples
 * import this module once (see docs/PACKAGE.md).
 */
import './platform/node.ts';

export * from './index.ts';
