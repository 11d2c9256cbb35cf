/**
 * Importing a 50–60 MB / 500,000-row CSV must not freeze the page: the file is parsed in a worker with
 * a progress bar, and what comes back reaches the store, the metrics worker and IndexedDB without one
 * long main-thread task. Tasks are read from a Chromium trace (support/tasks.ts).
 *
 * Bound on the longest task during the import: 1,000 ms of main-thread CPU. CPU, not wall time: on a
 * shared 2-core machine a task's wall time stretches with whatever else runs (the same 0.7 s task read
 * 2.1 s wall under load), its thread time does not. A page that answers within a second is slow but not
 * frozen, while handing 500k feature objects to the main thread in one go took over 13 s here.
 *
 * The first drawing of the new points is measured apart and printed, not bounded: with software
 * compositing Chromium reads every WebGL frame back (glReadPixels) on the main thread, which waits
 * until SwiftShader has drawn all 500k points — seconds on this machine, milliseconds on a GPU. That is
 * the cost of any frame with this many points here (panning too), not of importing them.
 * Env `IMPORT_SCALE_N` changes the row count for local runs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { APP_URL, launch, openApp, visibleCount, waitIdle } from './harness';
import { mainThreadTasks, type TaskStats } from './support/tasks';

const N = Number(process.env.IMPORT_SCALE_N ?? 500_000);
const LONGEST_TASK_BOUND_MS = 1_000;

const CATEGORIES = ['munitions-shipment', 'troop-movement', 'training', 'labour', 'equipment', 'presence'];
const CONFIDENCES = ['high', 'moderate', 'low'];
/** Points along the corridors (Rajin, Khasan, Vladivostok, Khabarovsk, Chita, Irkutsk, Novosibirsk, Kursk). */
const ANCHORS: [number, number][] = [
  [130.3, 42.25], [130.7, 42.43], [131.9, 43.12], [135.07, 48.48], [113.5, 52.03], [104.3, 52.29], [82.9, 55.03], [36.19, 51.73],
];

/** A deterministic ~100-byte-a-row CSV of `n` valid reports dated 2023-07-01 … 2025-12-31 (LCG, seed 1). */
function makeCsv(n: number): string {
  let seed = 1;
  const rnd = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const start = Date.UTC(2023, 6, 1);
  const span = Math.round((Date.UTC(2025, 11, 31) - start) / 86_400_000);
  const lines = ['lat,lon,date,category,confidence,source,summary'];
  for (let i = 0; i < n; i++) {
    const [lon, lat] = ANCHORS[Math.floor(rnd() * ANCHORS.length)]!;
    const date = new Date(start + Math.floor(rnd() * (span + 1)) * 86_400_000).toISOString().slice(0, 10);
    lines.push(
      `${(lat + (rnd() - 0.5) * 0.4).toFixed(4)},${(lon + (rnd() - 0.5) * 0.4).toFixed(4)},${date},` +
        `${CATEGORIES[i % CATEGORIES.length]},${CONFIDENCES[i % 3]},Monitor ${i % 50},` +
        `Rail movement number ${i} seen near the corridor by a monitor`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe(`importing ${N.toLocaleString('en-GB')} rows`, () => {
  let browser: Browser;
  let dir: string;
  let file: string;
  let megabytes: number;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-import-scale-'));
    file = join(dir, `reports-${N}.csv`);
    const csv = makeCsv(N);
    writeFileSync(file, csv);
    megabytes = Buffer.byteLength(csv) / 1e6;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('progress is shown, every row arrives, and no main-thread task is long', { timeout: 480_000 }, async () => {
    // The imported layer starts hidden, so the import itself is measured apart from the first drawing of
    // the new points (see the module comment); it is switched on afterwards and the count checked.
    const hidden = '#v=1&layers=rail,sea,nodes,areas,sightings,labels,corridors';
    const { page, consoleErrors } = await openApp(browser, { hash: hidden });
    const start = await visibleCount(page);
    const joined = () => page.evaluate(() => (window.__corridorWatch!.state() as { results: { sightings: number } }).results.sightings);
    // The first join of the bundled reports waits for the first picture; start from its answer.
    await page.waitForFunction(() => (window.__corridorWatch!.state() as { results: { status: string } }).results.status === 'ready', undefined, { timeout: 120_000, polling: 200 });
    const joinedBefore = await joined();
    // The progress bar's values, sampled in the page while the import runs.
    const watchProgress = () =>
      page.evaluate(() => {
        const w = window as unknown as { __progress: number[] };
        w.__progress = [];
        // No named helper functions in here: the test transpiler would wrap them in a helper the page lacks.
        setInterval(() => {
          const bar = document.querySelector<HTMLProgressElement>('.dm-import progress');
          if (bar?.hasAttribute('value') && w.__progress.at(-1) !== bar.value) w.__progress.push(bar.value);
        }, 20);
      });
    const describeTasks = (t: TaskStats) =>
      `longest main-thread task ${t.longestCpuMs.toFixed(0)} ms CPU (${t.longestMs.toFixed(0)} ms wall); ` +
      `${t.longTasks} tasks over 50 ms, ${t.totalCpuMs.toFixed(0)} ms CPU in all`;
    // Settled: the metrics worker has joined every report (bundled + imported) and the map is idle.
    const settled = async (total: number) => {
      await page.waitForFunction(
        (want) => {
          const r = (window.__corridorWatch!.state() as { results: { status: string; sightings: number } }).results;
          return r.status === 'ready' && r.sightings === want;
        },
        total,
        { timeout: 120_000, polling: 200 },
      );
      await waitIdle(page);
    };

    await watchProgress();
    const tasks = await mainThreadTasks(browser);
    const t0 = Date.now();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('button', { name: `Remove imported reports (${N.toLocaleString('en-GB')})` }).waitFor({ timeout: 240_000 });
    const totalMs = Date.now() - t0;
    await settled(joinedBefore + N);
    const importStats = await tasks.cut();
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    console.log(
      `import-scale: ${N} rows, ${megabytes.toFixed(1)} MB: imported in ${(totalMs / 1000).toFixed(1)} s; ${describeTasks(importStats)}; ` +
        `${progress.length} progress values`,
    );

    await page.getByRole('checkbox', { name: 'Imported and own reports' }).check();
    await page.waitForFunction(
      (want) => Number((document.querySelector('[data-testid="visible-count"]')?.textContent ?? '').replace(/[^0-9]/g, '')) === want,
      start + N,
      { timeout: 120_000, polling: 200 },
    );
    await waitIdle(page);
    console.log(`import-scale: first drawing of the ${N} points (software WebGL): ${describeTasks(await tasks.cut())}`);
    await tasks.stop();

    assert.equal(await visibleCount(page), start + N);
    assert.ok(progress.length >= 3, `progress bar values seen: ${progress.join(', ')}`);
    assert.ok(progress.some((v, i) => i > 0 && v > progress[i - 1]!), `progress never grew: ${progress.join(', ')}`);

    // A reload reads the saved reports back in the worker. Printed, not bounded: start-up and restore
    // overlap in its longest task; only the restored count is asserted.
    await page.goto(`${APP_URL}${hidden}`); // only the hash changes: the imported layer is hidden again
    const r0 = Date.now();
    await page.reload();
    await page.getByRole('button', { name: `Remove imported reports (${N.toLocaleString('en-GB')})` }).waitFor({ timeout: 240_000 });
    const restoreMs = Date.now() - r0;
    await settled(joinedBefore + N);
    console.log(`import-scale: page load with the saved reports restored in ${(restoreMs / 1000).toFixed(1)} s`);
    assert.deepEqual(consoleErrors, []);
    assert.ok(
      importStats.longestCpuMs <= LONGEST_TASK_BOUND_MS,
      `longest main-thread task ${importStats.longestCpuMs.toFixed(0)} ms CPU > ${LONGEST_TASK_BOUND_MS} ms`,
    );
    await page.context().close();
  });
});
