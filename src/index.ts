/**
 * brian-ts: Brian 2, the spiking neural network simulator, in TypeScript.
 * The only module users import: `import { NeuronGroup, run, ms, mV } from 'brian-ts'`.
 */
export * from './units/index.ts';
export { BrianError } from './diagnostics/diagnostic.ts';
export type { ErrorCode } from './diagnostics/codes.ts';
export { Equations } from './core/equations.ts';
export { catchLogs, setLogLevel, suppressWarning } from './core/log.ts';
export { NeuronGroup, type NeuronGroupOptions } from './groups/neuron-group.ts';
export { Subgroup } from './groups/subgroup.ts';
export type { VariableView } from './groups/variable-view.ts';
export { SpikeMonitor, type SpikeMonitorOptions } from './monitors/spike-monitor.ts';
export { StateMonitor, type StateMonitorOptions } from './monitors/state-monitor.ts';
export { PopulationRateMonitor } from './monitors/population-rate-monitor.ts';
export { Clock, defaultclock } from './network/clock.ts';
export { Network, type RunOptions } from './network/network.ts';
export { collectedObjects as collect, restore, run, startScope, stop, store } from './network/magic.ts';
export { seed } from './network/seed.ts';
export type { Namespace } from './compiler/2-analyze/external-scope.ts';
export { Synapses, type SynapsesOptions } from './synapses/synapses.ts';
export type { ConnectOptions } from './synapses/connect.ts';
export { LinkedVariable, linkedVar } from './groups/linked-var.ts';
export { NetworkOperation, networkOperation, type NetworkOperationOptions } from './network/network-operation.ts';
export { PoissonGroup } from './input/poisson-group.ts';
export { implementation, type UserFunctionSpec } from './core/user-function.ts';
export { TimedArray, type TimedArrayOptions, type TimedArrayValues } from './input/timed-array.ts';
export { SpikeGeneratorGroup, type SpikeGeneratorGroupOptions } from './input/spike-generator-group.ts';
export { PoissonInput, type PoissonInputOptions } from './input/poisson-input.ts';
export { BinomialFunction, type BinomialFunctionOptions } from './input/binomial.ts';
