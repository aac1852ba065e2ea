// Sequential DRAM read bandwidth on one thread: sum a 1 GiB buffer of 64-bit integers (the
// compiler vectorises the loop with -O3 -march=native). Prints GB/s. Part of bench/.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
  const size_t bytes = (size_t)1 << 30;
  const size_t n = bytes / sizeof(uint64_t);
  uint64_t *data = malloc(bytes);
  if (!data) return 1;
  for (size_t i = 0; i < n; i++) data[i] = i;
  double best = 0;
  uint64_t sink = 0;
  for (int pass = 0; pass < 5; pass++) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (size_t i = 0; i < n; i += 4) {
      s0 += data[i];
      s1 += data[i + 1];
      s2 += data[i + 2];
      s3 += data[i + 3];
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    sink += s0 + s1 + s2 + s3;
    double seconds = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    double gbs = bytes / seconds / 1e9;
    if (gbs > best) best = gbs;
  }
  printf("%.2f\n", best);
  return sink == 42 ? 2 : 0;
}
