// The floor for CUBA's spike propagation on this machine (bench/propagation-floor.ts runs it):
// the same data and the same work as the generated kernels, with nothing else. 64 000 neurons,
// 80 synapses per source in source order with sorted random targets (what connect() makes),
// 37 random sources spiking per step (CUBA 64000's 5.7 Hz), `g[post[syn]] += w` for every due
// synapse, 10 000 steps; ns per synaptic event, median of the repetitions.
//
// Two ways of walking the due synapses, as the kernels did before and after issue 19's change:
//   list: the due synapse numbers written to a list, then read back, the rows' indices
//         prefetched 48 synapses on (kernels/synapses.ts, emitPrefetch);
//   rows: each due source's row walked as a run of synapse numbers, the next row prefetched whole
//         (emitRowPrefetch).
// Each in two settings:
//   warm:   the walks alone, so the targets' array (512 KB) stays in the core's cache, as in
//           ../shared/brian2-bench/roofline/roofline.cpp;
//   stream: a CUBA state update over the 64 000 neurons (v, ge, gi, lastspike, not_refractory:
//           2.1 MB) before each step's walk, as in the simulation, which evicts part of the targets.
//
//   g++ -O3 -march=native -std=c++17 propagation-floor.cpp -o propagation-floor && ./propagation-floor 7
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

using clk = std::chrono::steady_clock;

namespace {

constexpr int N = 64000, K = 80, STEPS = 10000, SPIKES = 37, LIST_AHEAD = 48;

struct Network {
  std::vector<int32_t> post;
  std::vector<double> v, ge, gi, lastspike;
  std::vector<char> not_refractory;
  std::vector<int32_t> due, sources;
  Network() : post((size_t)N * K), v(N, -0.06), ge(N), gi(N), lastspike(N, -1e9), not_refractory(N, 1), sources(SPIKES) {
    std::mt19937 rng(1);
    std::vector<int32_t> row(K);
    for (int i = 0; i < N; i++) {
      for (auto& j : row) j = (int32_t)(rng() % N);
      std::sort(row.begin(), row.end());
      std::copy(row.begin(), row.end(), &post[(size_t)i * K]);
    }
    due.reserve((size_t)SPIKES * K);
  }

  void state_update(int step) {
    const double t = step * 1e-4;
    for (int i = 0; i < N; i++) {
      not_refractory[i] = (t - lastspike[i]) > 0.005;
      const double a = ge[i] * 0.3 + gi[i] * 0.2;
      v[i] = not_refractory[i] ? v[i] * 0.995 + a : v[i];
      ge[i] *= 0.98;
      gi[i] *= 0.99;
    }
  }

  void walk_list() {
    due.resize((size_t)SPIKES * K);
    int32_t* o = due.data();
    for (int32_t s : sources)
      for (int r = 0; r < K; r++) *o++ = s * K + r;
    const int32_t n = (int32_t)due.size();
    const int32_t* d = due.data();
    const int32_t* p = post.data();
    double* g = ge.data();
    for (int32_t k = 0; k < n; k++) {
      if (k + LIST_AHEAD < n) __builtin_prefetch(&p[d[k + LIST_AHEAD]]);
      g[p[d[k]]] += 0.00162;
    }
  }

  void walk_rows() {
    const int32_t* p = post.data();
    double* g = ge.data();
    for (int k = 0; k < SPIKES; k++) {
      if (k + 1 < SPIKES) {
        const int32_t* next = p + (size_t)sources[k + 1] * K;
        for (int b = 0; b < K; b += 16) __builtin_prefetch(next + b);
      }
      const int32_t first = sources[k] * K, end = first + K;
      for (int32_t syn = first; syn < end; syn++) g[p[syn]] += 0.00162;
    }
  }
};

double run(bool rows, bool stream) {
  Network net;
  std::mt19937 rng(7);
  double seconds = 0;
  for (int step = 0; step < STEPS; step++) {
    if (stream) net.state_update(step);
    for (auto& s : net.sources) s = (int32_t)(rng() % N);
    const auto t0 = clk::now();
    if (rows) net.walk_rows();
    else net.walk_list();
    seconds += std::chrono::duration<double>(clk::now() - t0).count();
  }
  volatile double sink = net.ge[0] + net.v[0];
  (void)sink;
  return seconds / ((double)STEPS * SPIKES * K) * 1e9;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
  const char* names[] = {"list", "rows"};
  const char* settings[] = {"warm", "stream"};
  std::vector<double> ns[2][2];
  // Interleaved repetitions: load on the machine hits every variant alike.
  for (int r = 0; r < reps; r++)
    for (int s = 0; s < 2; s++)
      for (int w = 0; w < 2; w++) ns[w][s].push_back(run(w == 1, s == 1));
  for (int s = 0; s < 2; s++)
    for (int w = 0; w < 2; w++) {
      const auto& x = ns[w][s];
      printf("{\"walk\": \"%s\", \"setting\": \"%s\", \"ns_per_event\": %.3f, \"min\": %.3f, \"max\": %.3f, \"reps\": %d}\n",
             names[w], settings[s], median(x), *std::min_element(x.begin(), x.end()),
             *std::max_element(x.begin(), x.end()), reps);
    }
}
