// Native baseline of the Dice kernel benchmark: the same all-pairs count of Dice >= 0.8 over
// 1024-bit filters as the WebAssembly countRange, scalar C with POPCNT (cc -O3 -mpopcnt), one
// thread. Same data generator (xorshift32, seed 0x9e3779b9, 8,000 filters, every 100th B filter a
// near-copy of an A filter) so both must report the same hit count (40 for 4,000 x 4,000).
// Prints one line per repetition: wall-clock and process-CPU rates in M comparisons/s.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N 8000
#define W 16 /* 16 x u64 = 1024 bits */

static uint64_t F[N * W];
static uint32_t P[N];
static uint32_t s = 0x9e3779b9u;
static uint32_t rnd(void) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; return s; }
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static long count(int a0, int a1, int b0, int b1) {
  long hits = 0;
  for (int i = a0; i < a1; i++) {
    const uint64_t *a = &F[i * W];
    uint32_t pa = P[i];
    for (int j = b0; j < b1; j++) {
      const uint64_t *b = &F[j * W];
      uint32_t c = 0;
      for (int w = 0; w < W; w++) c += (uint32_t)__builtin_popcountll(a[w] & b[w]);
      if (c * 10u >= 4u * (pa + P[j])) hits++;
    }
  }
  return hits;
}

int main(int argc, char **argv) {
  int A = argc > 1 ? atoi(argv[1]) : 4000, B = argc > 2 ? atoi(argv[2]) : 4000, reps = argc > 3 ? atoi(argv[3]) : 9;
  uint32_t *F32 = (uint32_t *)F;
  for (int i = 0; i < N * W * 2; i++) F32[i] = rnd();
  for (int j = 0; j < B; j += 100) {
    int src = (j * 7) % A, dst = A + j;
    if (dst >= N) break;
    for (int w = 0; w < 32; w++) F32[dst * 32 + w] = F32[src * 32 + w] ^ (1u << (w % 32));
  }
  for (int i = 0; i < N; i++) { uint32_t c = 0; for (int w = 0; w < W; w++) c += __builtin_popcountll(F[i * W + w]); P[i] = c; }
  count(0, 400, A, A + 1000); /* warm-up */
  for (int r = 0; r < reps; r++) {
    double t0 = now(), c0 = cpu();
    long hits = count(0, A, A, A + B);
    double t = now() - t0, c = cpu() - c0;
    printf("%.3f %.3f %ld\n", (double)A * B / t / 1e6, (double)A * B / c / 1e6, hits);
  }
  return 0;
}
