/**
 * Main-thread tasks of the page from a Chromium trace: how long the longest ran, in CPU time (thread
 * time, which a busy machine does not stretch) and in wall time. `cut()` ends one phase and starts the next.
 */
import type { Browser } from 'playwright-core';

export interface TaskStats {
  /** Longest task's main-thread CPU, ms. */
  longestCpuMs: number;
  /** Longest task's wall time, ms. */
  longestMs: number;
  /** Tasks longer than 50 ms (wall). */
  longTasks: number;
  /** Main-thread CPU of every task in the phase, ms. */
  totalCpuMs: number;
}

const CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', '__metadata'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Task statistics of the renderer's main thread in a trace (the busiest `CrRendererMain`). */
export function taskStats(trace: Buffer): TaskStats {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name !== 'RunTask' || e.ph !== 'X' || !mains.has(key)) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const tasks = [...byThread.values()].sort((a, b) => b.reduce((s, e) => s + cpu(e), 0) - a.reduce((s, e) => s + cpu(e), 0))[0] ?? [];
  return {
    longestCpuMs: Math.max(0, ...tasks.map(cpu)),
    longestMs: Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000)),
    longTasks: tasks.filter((e) => (e.dur ?? 0) > 50_000).length,
    totalCpuMs: tasks.reduce((s, e) => s + cpu(e), 0),
  };
}

/** Start tracing the browser's pages; `cut()` returns the phase so far and starts the next. */
export async function mainThreadTasks(browser: Browser): Promise<{ cut(): Promise<TaskStats>; stop(): Promise<void> }> {
  await browser.startTracing(undefined, { categories: CATEGORIES });
  return {
    async cut() {
      const stats = taskStats(await browser.stopTracing());
      await browser.startTracing(undefined, { categories: CATEGORIES });
      return stats;
    },
    async stop() {
      await browser.stopTracing();
    },
  };
}
