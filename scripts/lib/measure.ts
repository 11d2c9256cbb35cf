/**
 * Small measuring helpers for the benchmark: typed-array bytes held by a structure, medians of timed
 * runs, heap sampling. Never imported by app code.
 */

/** Bytes of every typed array reachable from `root` (each buffer counted once). */
export function typedBytes(root: unknown): number {
  const seen = new Set<ArrayBufferLike>();
  const visited = new Set<object>();
  let bytes = 0;
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object' || visited.has(v)) return;
    visited.add(v);
    if (ArrayBuffer.isView(v)) {
      if (!seen.has(v.buffer)) {
        seen.add(v.buffer);
        bytes += v.buffer.byteLength;
      }
      return;
    }
    for (const x of Object.values(v)) walk(x);
  };
  walk(root);
  return bytes;
}

/** Median of `runs` timed calls of `fn` (ms by `clock`: its start token, then the elapsed ms), after one untimed warm-up call. */
function medianBy<T>(fn: () => void, runs: number, clock: { start: () => T; elapsed: (s: T) => number }): number {
  fn();
  const t: number[] = [];
  for (let r = 0; r < runs; r++) {
    const s = clock.start();
    fn();
    t.push(clock.elapsed(s));
  }
  t.sort((x, y) => x - y);
  return t[Math.floor(t.length / 2)]!;
}

const WALL = { start: () => performance.now(), elapsed: (s: number) => performance.now() - s };
const CPU = {
  start: () => process.cpuUsage(),
  elapsed: (s: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(s);
    return (d.user + d.system) / 1000;
  },
};

/** Median wall time of `runs` calls of `fn`, ms, after one untimed warm-up call. */
export function medianMs(fn: () => void, runs = 5): number {
  return medianBy(fn, runs, WALL);
}

/** Peak of JS heap + typed-array buffers (process.memoryUsage heapUsed + arrayBuffers), bytes. */
export class PeakMemory {
  peak = 0;
  sample(): void {
    const m = process.memoryUsage();
    this.peak = Math.max(this.peak, m.heapUsed + m.arrayBuffers);
  }
}

/**
 * Median CPU time (user + system, `process.cpuUsage`) of `runs` calls of `fn`, ms, after a warm-up call:
 * less sensitive than wall time to other processes on a shared machine (GC helper threads count too).
 */
export function medianCpuMs(fn: () => void, runs = 5): number {
  return medianBy(fn, runs, CPU);
}
