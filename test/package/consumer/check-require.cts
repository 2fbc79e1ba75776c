// The CommonJS side of the types: `require('brian-ts')` from a .cts file (module nodenext).
import brian = require('brian-ts');

const q: InstanceType<typeof brian.Quantity> = brian.ms(1);
export = q;
