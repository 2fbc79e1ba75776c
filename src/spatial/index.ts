/** Multicompartment neurons: morphologies and the SpatialNeuron group. */
export * from './morphology/index.ts';
