/**
 * Behaviour at scale, proved at a size software WebGL draws in seconds: with 100,000 synthetic points the
 * count follows the slider exactly, and no main-thread task grows with the data. Budgets are ratios to a
 * baseline run in the same test (1,000 points, same page, same machine): CPU time, not wall time, so a
 * busy machine does not decide the result. The million-point figures belong to `npm run bench:browser`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { SHOTS, launch, openApp } from './harness';
import { day, nodes, routes, sightings } from './support/geodata';
import { generateSynthetic } from '../../src/state/syntheticData';
import { mainThreadTasks, type TaskStats } from './support/tasks';

const N = Number(process.env.SCALE_N ?? 100_000);
const BASELINE_N = 1_000;
const STEPS = 6;
/** The longest main-thread task, and a slider step's CPU, may grow at most this much from 1,000 to N points. */
const MAX_GROWTH = 2;
/**
 * Loading N points may cost the main thread at most this much more CPU than loading 1,000: the per-point
 * work (generating, ordering, handing columns to the metrics worker) runs in workers, and what is left on
 * the page (GPU buffers, the day table) is a small share of the page's fixed start-up.
 */
const MAX_LOAD_GROWTH = 1.25;

interface Run {
  load: TaskStats;
  steps: TaskStats;
  stepCpuMs: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const threadMs = async (cdp: CDPSession) =>
  ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
const shown = (page: Page) => page.evaluate(() => Number(document.querySelector('[data-testid="visible-count"]')?.textContent?.replace(/[^0-9]/g, '') ?? -1));

/** Every sighting's day (bundled + the n synthetic ones the page generates), to count windows independently. */
function daysOf(n: number): number[] {
  const syn = generateSynthetic({ n, seed: 1, routes, nodes });
  return [...sightings.map((s) => day(s.properties.date)), ...syn.day];
}

async function run(browser: Browser, n: number): Promise<Run> {
  const days = daysOf(n);
  const counted = (from: number, to: number) => days.reduce((k, d) => k + (d >= from && d <= to ? 1 : 0), 0);
  const tasks = await mainThreadTasks(browser);
  const { page, consoleErrors } = await openApp(browser, { search: `?synthetic=${n}&seed=1` });
  // Loaded: every point in the count (the default window spans the data).
  await page.waitForFunction((total) => Number(document.querySelector('[data-testid="visible-count"]')?.textContent?.replace(/[^0-9]/g, '')) === total, days.length, { timeout: 120_000, polling: 100 });
  const load = await tasks.cut();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const stepCpuMs: number[] = [];
  for (let k = 1; k <= STEPS; k++) {
    const t0 = await threadMs(cdp);
    // Move the window's end back 30 days through the slider, as a user dragging it would.
    const win = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Window end"]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(Number(input.value) - 30));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const f = (window.__corridorWatch!.state() as { filters: { from: string; to: string } }).filters;
      return f;
    });
    const expected = counted(day(win.from), day(win.to));
    await page.waitForFunction((e) => Number(document.querySelector('[data-testid="visible-count"]')?.textContent?.replace(/[^0-9]/g, '')) === e, expected, { timeout: 30_000, polling: 20 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    stepCpuMs.push((await threadMs(cdp)) - t0);
    assert.equal(await shown(page), expected, `step ${k}: the count shows the sightings in ${win.from}…${win.to}`);
  }
  const steps = await tasks.cut();
  await tasks.stop();
  if (n === N) await page.screenshot({ path: `${SHOTS}/scale-${n}.png` });
  assert.deepEqual(consoleErrors, []);
  await page.context().close();
  return { load, steps, stepCpuMs };
}

describe(`responsiveness with ${N.toLocaleString('en-GB')} synthetic sightings`, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('the count follows the slider exactly; no main-thread task and no slider step grows with the data', async () => {
    const small = await run(browser, BASELINE_N);
    const big = await run(browser, N);
    const line = (r: Run, n: number) =>
      `${String(n).padStart(7)} points: longest main-thread task while loading ${r.load.longestCpuMs.toFixed(0)} ms CPU (${r.load.longestMs.toFixed(0)} ms wall), ` +
      `${r.load.longTasks} tasks over 50 ms, ${r.load.totalCpuMs.toFixed(0)} ms CPU in all; per slider step ${median(r.stepCpuMs).toFixed(1)} ms CPU, longest task while stepping ${r.steps.longestCpuMs.toFixed(0)} ms CPU`;
    console.log(`scale (software WebGL; ratios to the ${BASELINE_N}-point run count, not the seconds):\n${line(small, BASELINE_N)}\n${line(big, N)}`);
    const growth = (a: number, b: number) => b / Math.max(a, 1);
    assert.ok(
      growth(small.load.longestCpuMs, big.load.longestCpuMs) <= MAX_GROWTH,
      `the longest main-thread task while loading grew ${growth(small.load.longestCpuMs, big.load.longestCpuMs).toFixed(2)}× from ${BASELINE_N} to ${N} points`,
    );
    assert.ok(
      growth(small.load.totalCpuMs, big.load.totalCpuMs) <= MAX_LOAD_GROWTH,
      `loading ${N} points cost the main thread ${growth(small.load.totalCpuMs, big.load.totalCpuMs).toFixed(2)}× the CPU of loading ${BASELINE_N}`,
    );
    assert.ok(
      growth(median(small.stepCpuMs), median(big.stepCpuMs)) <= MAX_GROWTH,
      `a slider step's main-thread CPU grew ${growth(median(small.stepCpuMs), median(big.stepCpuMs)).toFixed(2)}× from ${BASELINE_N} to ${N} points`,
    );
  });
});
