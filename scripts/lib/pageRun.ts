/**
 * One measured page load for the browser benchmark, in a fresh Chromium: load until the map is idle and
 * every point has been drawn (a GPU fence after the first deck.gl frame holding them all, so software
 * WebGL's drawing time is counted, not just the issuing of commands), then read main-thread and renderer
 * CPU (CDP Performance metrics), renderer memory (/proc of the renderer process, as found and after a full
 * garbage collection) and the main-thread CPU of slider steps. The app and the bare page are driven the
 * same way: both report deck.gl frames to `window.__deckFrameProbe` and both have a range input labelled
 * "Window end".
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { launch } from '../../tests/e2e/harness';
import { startProfile, stopProfile } from './profile';
import { kindRows, startTrace, stopTrace } from './trace';

export type Kind = 'app' | 'bare';

export interface RunResult {
  kind: Kind;
  n: number;
  /** Page time (ms since navigation start) of the first deck frame holding every point, GPU work done. */
  firstDrawMs: number;
  /** Deck frames drawn up to and including that frame. */
  deckFrames: number;
  /** Map idle (basemap drawn, not moving) and every point drawn, ms. */
  idleMs: number;
  /** Main-thread and whole-renderer CPU from navigation to settled (idle + results), s. */
  mainCpuS: number;
  rendererCpuS: number;
  /** CPU of the GPU process (where software WebGL rasterises), s. */
  gpuCpuS: number;
  /** Renderer process memory: private (USS: what it alone holds), proportional set size (PSS), MB. */
  rendererMb: number;
  rendererPssMb: number;
  /** Private memory after the steps and a full garbage collection in the page and its workers: what the page holds, MB. */
  rendererRetainedMb: number;
  heapMb: number;
  /** Per slider step: main-thread CPU and wall time until settled (ms), input handler wall time (ms). */
  stepCpuMs: number[];
  stepWallMs: number[];
  /** Animation frames the page ran during each step, and during each idle wait. */
  stepFrames: number[];
  quietFrames: number[];
  stepHandlerMs: number[];
  /** deck.gl frames drawn during each step (a frame redraws every deck layer, and MapLibre's map with it). */
  stepDeckFrames: number[];
  /** The same waits without moving the slider: the page's idle CPU and its wall time (ms). */
  quietCpuMs: number[];
  quietWallMs: number[];
}

/**
 * Installed before any page script: records deck frames and fences the GPU once every point is in a
 * frame. Plain JavaScript text: a transpiled function would call helpers (`__name`) the page lacks.
 */
const PROBE = `(function (expected) {
  var b = { frames: 0, deckFrames: 0, issuedAt: null, drawnAt: null, idleAt: null, rafs: 0 };
  window.__bench = b;
  (function tick() { b.rafs++; requestAnimationFrame(tick); })();
  window.__deckFrameProbe = function (points, gl) {
    b.frames++;
    if (b.issuedAt !== null || points < expected) return;
    b.issuedAt = performance.now();
    b.deckFrames = b.frames;
    var sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    gl.flush();
    (function poll() {
      if (gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED) {
        b.drawnAt = performance.now();
        gl.deleteSync(sync);
      } else setTimeout(poll, 10);
    })();
  };
  (function idle() {
    var h = window.__corridorWatch || window.__bare;
    if (b.drawnAt !== null && h && h.isIdle()) b.idleAt = performance.now();
    else setTimeout(idle, 20);
  })();
})`;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: m } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

/**
 * Memory of a process in MB from /proc: private (Private_Clean + Private_Dirty, which other processes on
 * a shared machine do not change) and PSS (which shrinks when other Chromiums share its libraries).
 */
function memoryMb(pid: number): { uss: number; pss: number } {
  const f = `/proc/${pid}/smaps_rollup`;
  if (!existsSync(f)) return { uss: Number.NaN, pss: Number.NaN };
  const text = readFileSync(f, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { uss: (kb('Private_Clean') + kb('Private_Dirty')) / 1024, pss: kb('Pss') / 1024 };
}

/**
 * Main-thread CPU of a step beyond the page's idle cost over the same number of animation frames. An
 * idle page spends its CPU per frame (deck.gl's and MapLibre's animation loops), and a step may run
 * fewer frames than its wall time suggests (software WebGL throttles frames while it draws), so the
 * idle cost is counted per frame, not per millisecond.
 */
export function netStepCpuMs(r: Pick<RunResult, 'stepCpuMs' | 'stepFrames' | 'quietCpuMs' | 'quietFrames'>): number[] {
  const idlePerFrame = r.quietCpuMs.reduce((a, b) => a + b, 0) / Math.max(1, r.quietFrames.reduce((a, b) => a + b, 0));
  return r.stepCpuMs.map((cpu, k) => cpu - idlePerFrame * r.stepFrames[k]!);
}

/**
 * Moves the "Window end" slider back 30 days as a user would; resolves when the page has settled. With
 * `move` false it only waits the same way (the idle cost a step is measured against).
 */
async function step(page: Page, kind: Kind, move = true): Promise<number> {
  return page.evaluate(async ([k, mv]) => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Window end"]')!;
    // No named helpers in here: the transpiler would wrap them in a helper (`__name`) the page lacks.
    const cw = (window as unknown as { __corridorWatch?: { state(): { results: { window: unknown } } } }).__corridorWatch;
    const before = k === 'app' ? cw!.state().results.window : null;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const t0 = performance.now();
    if (mv) {
      setter.call(input, String(Number(input.value) - 30));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const handler = performance.now() - t0;
    // The app also answers with new corridor metrics (worker) that re-render panels: wait for them.
    if (k === 'app' && mv) {
      const end = performance.now() + 60_000;
      while (cw!.state().results.window === before && performance.now() < end) await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // Debounced follow-ups (the app writes the link 250 ms later) belong to the step too.
    await new Promise((r) => setTimeout(r, 600));
    return handler;
  }, [kind, move] as const);
}

export interface RunOptions {
  kind: Kind;
  n: number;
  url: string;
  /** Sighting points the page draws in total (bundled + n). */
  expected: number;
  steps: number;
  timeoutMs: number;
  /** Save CPU profiles of the load and of the steps as `<profile>-load.cpuprofile` / `-steps` and print their top functions. */
  profile?: string;
  /** Save Chromium traces of the load and of the steps as `<trace>-load.json` / `-steps.json` and print the main thread's CPU per kind of task, per step. */
  trace?: string;
}

/** Run one page in a fresh browser and measure it. */
export async function runPage(o: RunOptions): Promise<RunResult> {
  const browser = await launch(['--js-flags=--expose-gc']);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript({ content: `${PROBE}(${o.expected});` });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (o.profile) await startProfile(cdp);
    if (o.trace) await startTrace(browser, page);
    await page.goto(o.url);
    await page.waitForFunction(() => (window as unknown as { __bench: { idleAt: number | null } }).__bench.idleAt !== null, undefined, {
      timeout: o.timeoutMs,
      polling: 200,
    });
    if (o.kind === 'app') {
      await page.waitForFunction(
        () => {
          const r = (window as unknown as { __corridorWatch: { state(): { results: { status: string; window: unknown } } } }).__corridorWatch.state().results;
          return r.status === 'ready' && r.window !== null;
        },
        undefined,
        { timeout: o.timeoutMs, polling: 200 },
      );
    }
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    const b = await page.evaluate(() => (window as unknown as { __bench: { drawnAt: number; idleAt: number; deckFrames: number } }).__bench);
    const m = await metrics(cdp);
    const bcdp = await browser.newBrowserCDPSession();
    const { processInfo } = (await bcdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
    const renderer = processInfo.filter((p) => p.type === 'renderer').sort((a, x) => x.cpuTime - a.cpuTime)[0];
    const gpu = processInfo.find((p) => p.type === 'GPU' || p.type === 'gpu');
    const result: RunResult = {
      kind: o.kind,
      n: o.n,
      firstDrawMs: b.drawnAt,
      deckFrames: b.deckFrames,
      idleMs: b.idleAt,
      mainCpuS: m.ThreadTime ?? Number.NaN,
      rendererCpuS: m.ProcessTime ?? renderer?.cpuTime ?? Number.NaN,
      gpuCpuS: gpu?.cpuTime ?? Number.NaN,
      rendererMb: renderer ? memoryMb(renderer.id).uss : Number.NaN,
      rendererPssMb: renderer ? memoryMb(renderer.id).pss : Number.NaN,
      rendererRetainedMb: Number.NaN,
      heapMb: (m.JSHeapUsedSize ?? Number.NaN) / 2 ** 20,
      stepCpuMs: [],
      stepWallMs: [],
      stepFrames: [],
      quietFrames: [],
      stepHandlerMs: [],
      stepDeckFrames: [],
      quietCpuMs: [],
      quietWallMs: [],
    };
    if (o.profile) {
      console.error(`${o.kind} n=${o.n} load, top self time:\n${(await stopProfile(cdp, `${o.profile}-load.cpuprofile`)).join('\n')}`);
      await startProfile(cdp);
    }
    const rafs = () => page.evaluate(() => (window as unknown as { __bench: { rafs: number } }).__bench.rafs);
    const deckFrames = () => page.evaluate(() => (window as unknown as { __bench: { frames: number } }).__bench.frames);
    if (o.trace) {
      console.error(`${o.kind} n=${o.n} main-thread CPU of the load, by task:\n${kindRows(await stopTrace(browser, `${o.trace}-load.json`))}`);
      await startTrace(browser, page);
    }
    for (let k = 0; k < o.steps; k++) {
      // Read outside the timed span: each read is a script run in the page.
      const d0 = await deckFrames();
      let f0 = await rafs();
      let t0 = (await metrics(cdp)).ThreadTime!;
      let w0 = performance.now();
      const handler = await step(page, o.kind);
      result.stepWallMs.push(performance.now() - w0);
      result.stepCpuMs.push(((await metrics(cdp)).ThreadTime! - t0) * 1000);
      result.stepFrames.push((await rafs()) - f0);
      result.stepDeckFrames.push((await deckFrames()) - d0);
      result.stepHandlerMs.push(handler);
      f0 = await rafs();
      t0 = (await metrics(cdp)).ThreadTime!;
      w0 = performance.now();
      await step(page, o.kind, false);
      result.quietWallMs.push(performance.now() - w0);
      result.quietCpuMs.push(((await metrics(cdp)).ThreadTime! - t0) * 1000);
      result.quietFrames.push((await rafs()) - f0);
    }
    if (o.trace) {
      // The trace holds every step and the quiet wait after it: the totals over the step count.
      const kinds = await stopTrace(browser, `${o.trace}-steps.json`);
      console.error(`${o.kind} n=${o.n} main-thread CPU per step and its quiet wait, by task:\n${kindRows(kinds, o.steps)}`);
    }
    // What the page holds, whenever its collectors last ran: a full collection in the page and every
    // worker (the metrics worker's join leaves garbage that V8 may or may not have collected yet).
    if (renderer) {
      const gc = () => (globalThis as unknown as { gc(): void }).gc();
      await page.evaluate(gc);
      for (const w of page.workers()) await w.evaluate(gc);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      result.rendererRetainedMb = memoryMb(renderer.id).uss;
    }
    if (o.profile) console.error(`${o.kind} n=${o.n} steps, top self time:\n${(await stopProfile(cdp, `${o.profile}-steps.cpuprofile`)).join('\n')}`);
    if (errors.length) throw new Error(`${o.kind} n=${o.n}: page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
  }
}
