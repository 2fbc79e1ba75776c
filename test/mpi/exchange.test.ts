/**
 * The distributed program counts what its processes exchange (`MpiStandaloneDevice.exchange`,
 * used by bench/mpi-scaling.ts): nothing to receive on one process; on two, at least every
 * step's spike counts and the other process's spikes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MpiStandaloneDevice } from '../../src/devices/mpi/mpi-device.ts';
import { getDevice, ms, Network, NeuronGroup, SpikeMonitor, seed } from '../../src/index.ts';
import { MPI_SKIP, runOn } from './devices.ts';

const STEPS = 200;

function noisy() {
  seed(2);
  const G = new NeuronGroup(20, 'dv/dt = (1.2 - v)/(10*ms) + 0.2*xi/sqrt(ms) : 1', {
    threshold: 'v > 1',
    reset: 'v = 0',
    method: 'euler',
  });
  const M = new SpikeMonitor(G);
  new Network(G, M).run(ms(STEPS * 0.1));
  return () => ({
    i: Array.from(M.i),
    exchange: (getDevice() as unknown as MpiStandaloneDevice).exchange,
  });
}

test('the program counts its exchanges: nothing received on one process, every step on two', {
  skip: MPI_SKIP,
}, () => {
  const one = runOn('mpi-exchange', { processes: 1 }, noisy);
  assert.ok(one.exchange, 'one process wrote its statistics');
  assert.equal(one.exchange.processes, 1);
  assert.ok(one.exchange.calls >= STEPS, `${one.exchange.calls} calls`);
  assert.equal(one.exchange.bytes, 0);
  assert.equal(one.exchange.spikeCalls, STEPS);
  const two = runOn('mpi-exchange', { processes: 2 }, noisy);
  assert.deepEqual(two.i, one.i);
  assert.ok(two.exchange);
  assert.equal(two.exchange.processes, 2);
  assert.ok(two.exchange.calls >= STEPS, `${two.exchange.calls} calls`);
  // Process 0 owns neurons 0–9: at every step it receives process 1's spike count and spikes.
  const theirs = two.i.filter((i) => i >= 10).length;
  assert.ok(theirs > 0, 'process 1 spikes');
  assert.equal(two.exchange.spikeCalls, STEPS);
  assert.equal(two.exchange.spikeBytes, 4 * STEPS + 4 * theirs);
  assert.ok(two.exchange.bytes >= two.exchange.spikeBytes, `${two.exchange.bytes} bytes`);
  assert.ok(two.exchange.seconds >= 0);
});
