/**
 * The distributed program counts what its processes exchange (`MpiStandaloneDevice.exchange`,
 * used by bench/mpi-scaling.ts): nothing to receive on one process. On two, a group read only by
 * its spike monitor exchanges no spikes in the loop (the monitor's records are merged after the
 * run); a population rate monitor needs every step's spikes of every process, so its group
 * exchanges them after every threshold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MpiStandaloneDevice } from '../../src/devices/mpi/mpi-device.ts';
import {
  getDevice,
  ms,
  Network,
  NeuronGroup,
  PopulationRateMonitor,
  SpikeMonitor,
  seed,
} from '../../src/index.ts';
import { MPI_SKIP, runOn } from './devices.ts';

const STEPS = 200;

function noisy(rate: boolean) {
  return () => {
    seed(2);
    const G = new NeuronGroup(20, 'dv/dt = (1.2 - v)/(10*ms) + 0.2*xi/sqrt(ms) : 1', {
      threshold: 'v > 1',
      reset: 'v = 0',
      method: 'euler',
    });
    const M = new SpikeMonitor(G);
    const R = rate ? [new PopulationRateMonitor(G)] : [];
    new Network(G, M, ...R).run(ms(STEPS * 0.1));
    return () => ({
      i: Array.from(M.i),
      t: Array.from(M.t_),
      count: Array.from(M.count),
      rate: R.map((r) => Array.from(r.rate_)),
      exchange: (getDevice() as unknown as MpiStandaloneDevice).exchange,
    });
  };
}

test('the program counts its exchanges: nothing received on one process; a spike monitor merged once', {
  skip: MPI_SKIP,
}, () => {
  const one = runOn('mpi-exchange', { processes: 1 }, noisy(false));
  assert.ok(one.exchange, 'one process wrote its statistics');
  assert.equal(one.exchange.processes, 1);
  assert.equal(one.exchange.bytes, 0);
  assert.equal(one.exchange.spikeCalls, 0);
  const two = runOn('mpi-exchange', { processes: 2 }, noisy(false));
  const { exchange, ...got } = two;
  const { exchange: _, ...expected } = one;
  assert.deepEqual(got, expected);
  assert.ok(exchange);
  assert.equal(exchange.processes, 2);
  assert.equal(exchange.spikeCalls, 0);
  assert.ok(exchange.calls < STEPS, `${exchange.calls} calls`);
  // Process 0 owns neurons 0–9: it receives process 1's records (time and index) once.
  const theirs = two.i.filter((i) => i >= 10).length;
  assert.ok(theirs > 0, 'process 1 spikes');
  assert.ok(exchange.bytes >= 12 * theirs, `${exchange.bytes} bytes`);
  // Each process's peak memory (Linux's VmHWM).
  assert.equal(exchange.peakMemoryKiB.length, 2);
  for (const kib of exchange.peakMemoryKiB) assert.ok(kib > 1000, `${kib} KiB`);
});

test('a population rate monitor keeps the exchange after every threshold', { skip: MPI_SKIP }, () => {
  const one = runOn('mpi-exchange-rate', { processes: 1 }, noisy(true));
  assert.equal(one.exchange?.spikeCalls, STEPS);
  const two = runOn('mpi-exchange-rate', { processes: 2 }, noisy(true));
  const { exchange, ...got } = two;
  const { exchange: _, ...expected } = one;
  assert.deepEqual(got, expected);
  assert.ok(exchange);
  // At every step process 0 receives process 1's spike count and spikes.
  const theirs = two.i.filter((i) => i >= 10).length;
  assert.equal(exchange.spikeCalls, STEPS);
  assert.equal(exchange.spikeBytes, 4 * STEPS + 4 * theirs);
  assert.ok(exchange.bytes >= exchange.spikeBytes, `${exchange.bytes} bytes`);
  assert.ok(exchange.seconds >= 0);
});
