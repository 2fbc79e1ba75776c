/**
 * brian-ts: Brian 2, the spiking neural network simulator, in TypeScript.
 * The only module users import: `import { NeuronGroup, run, ms, mV } from 'brian-ts'`.
 */

export type { Namespace } from './compiler/2-analyze/external-scope.ts';
export { Equations } from './core/equations.ts';
export { catchLogs, setLogLevel, suppressWarning } from './core/log.ts';
export { type QuantityNamespace, q } from './core/quantity-text.ts';
export { timestep } from './core/timestep.ts';
export { implementation, type UserFunctionSpec } from './core/user-function.ts';
export { device, getDevice, setDevice, sweep } from './devices/active.ts';
export type { MpiOptions } from './devices/mpi/options.ts';
export type { RuntimeOptions } from './devices/runtime/runtime-device.ts';
export type { BuildOptions, RerunOptions, RunArgs, StandaloneOptions } from './devices/standalone/options.ts';
export type { SweepOptions, SweepProgress } from './devices/standalone/sweep.ts';
export type { ErrorCode } from './diagnostics/codes.ts';
export { BrianError } from './diagnostics/diagnostic.ts';
export { SourceText, type Span } from './diagnostics/span.ts';
export { LinkedVariable, linkedVar } from './groups/linked-var.ts';
export { NeuronGroup, type NeuronGroupOptions } from './groups/neuron-group.ts';
export { Subgroup } from './groups/subgroup.ts';
export type { VariableView } from './groups/variable-view.ts';
export { BinomialFunction, type BinomialFunctionOptions } from './input/binomial.ts';
export { PoissonGroup } from './input/poisson-group.ts';
export { PoissonInput, type PoissonInputOptions } from './input/poisson-input.ts';
export { SpikeGeneratorGroup, type SpikeGeneratorGroupOptions } from './input/spike-generator-group.ts';
export { TimedArray, type TimedArrayOptions, type TimedArrayValues } from './input/timed-array.ts';
export { EventMonitor, type EventMonitorOptions } from './monitors/event-monitor.ts';
export { PopulationRateMonitor, type PopulationRateStates } from './monitors/population-rate-monitor.ts';
export { SpikeMonitor, type SpikeMonitorOptions } from './monitors/spike-monitor.ts';
export { StateMonitor, type StateMonitorOptions } from './monitors/state-monitor.ts';
export type { StreamChunk, StreamOptions, StreamSink } from './monitors/stream.ts';
export type { CheckpointOptions } from './network/checkpoint-options.ts';
export { BaseClock, Clock, defaultclock } from './network/clock.ts';
export { EventClock } from './network/event-clock.ts';
export {
  collectedObjects as collect,
  magicNetwork,
  restore,
  run,
  runAsync,
  startScope,
  stop,
  store,
} from './network/magic.ts';
export { type AsyncRunOptions, Network, type RunOptions } from './network/network.ts';
export type { NetworkContent, NetworkOptions } from './network/network-contents.ts';
export {
  NetworkOperation,
  type NetworkOperationOptions,
  networkOperation,
} from './network/network-operation.ts';
export type { NetworkStates, NetworkStatesOptions } from './network/network-states.ts';
export { ProfilingSummary, profilingSummary } from './network/profiling-summary.ts';
export { schedulePropagationOffset } from './network/schedule.ts';
export { type ScheduleEntry, SchedulingSummary, schedulingSummary } from './network/scheduling-summary.ts';
export { seed } from './network/seed.ts';
export * from './spatial/index.ts';
export type { ConnectOptions } from './synapses/connect.ts';
export { Synapses, type SynapsesOptions } from './synapses/synapses.ts';
export * from './units/index.ts';
