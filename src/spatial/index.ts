/** Multicompartment neurons: morphologies and the SpatialNeuron group. */
export * from './morphology/index.ts';
export { SpatialNeuron, type SpatialNeuronOptions } from './spatial-neuron.ts';
export { SpatialSubgroup } from './spatial-subgroup.ts';
