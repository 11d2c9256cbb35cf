/**
 * Chromium traces for the browser benchmark (`--trace`): the load and the slider steps recorded with the
 * timeline categories and saved as JSON (open it in DevTools' Performance panel), summarised as the main
 * thread's CPU time per kind of task (input event, script evaluation, timer, worker message, animation
 * frame, style and layout, GC), so a step that costs more than the bare page's says where. Thread time,
 * not wall time: it holds on a loaded machine, and no sampling profiler runs to inflate it.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

/** What a top-level task was, by the first event recorded inside it that says. */
const KINDS: [test: (e: TraceEvent) => boolean, kind: string][] = [
  [(e) => e.name === 'EventDispatch', 'input event'],
  [(e) => e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule', 'script evaluation'],
  [(e) => e.name === 'TimerFire', 'timer'],
  [(e) => e.name === 'FireAnimationFrame' || e.name === 'BeginMainThreadFrame', 'animation frame'],
  [(e) => e.name === 'UpdateLayoutTree' || e.name === 'Layout' || e.name === 'Paint' || e.name === 'PrePaint' || e.name === 'Layerize', 'style, layout, paint'],
  [(e) => e.name === 'FunctionCall' || e.name === 'v8.callFunction', 'message or promise'],
  [(e) => e.name.includes('GC'), 'garbage collection'],
];

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
}

/** Stop tracing, save the trace to `file`, and return the main thread's CPU ms per kind of task. */
export async function stopTrace(browser: Browser, file: string): Promise<Record<string, number>> {
  const buf = await browser.stopTracing();
  writeFileSync(file, buf);
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return {};
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: Record<string, number> = {};
  for (let k = 0; k < mine.length; k++) {
    const task = mine[k]!;
    if (task.name !== 'RunTask' && task.name !== 'ThreadControllerImpl::RunTask') continue;
    const end = task.ts + (task.dur ?? 0);
    let kind = 'other';
    for (let j = k + 1; j < mine.length && mine[j]!.ts < end; j++) {
      const hit = KINDS.find(([t]) => t(mine[j]!));
      if (hit) {
        kind = hit[1];
        break;
      }
    }
    out[kind] = (out[kind] ?? 0) + (task.tdur ?? task.dur ?? 0) / 1000;
    // Skip the events inside this task: a nested RunTask is part of it.
    while (k + 1 < mine.length && mine[k + 1]!.ts < end) k++;
  }
  return out;
}

/** `kinds` as printable rows, largest first, each divided by `per` (1 for a total, the step count for a mean). */
export function kindRows(kinds: Record<string, number>, per = 1): string {
  return Object.entries(kinds)
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${(ms / per).toFixed(per === 1 ? 0 : 2).padStart(8)} ms  ${k}`)
    .join('\n');
}
