import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, imageDiff, launch, openApp, storeState, visibleCount, waitIdle } from './harness';
import { KHASAN_REPORT, addReportViaForm } from './support/reportForm';

const dir = mkdtempSync(join(tmpdir(), 'cw-analysis-'));
// A view that is not the default one: a narrower window, the Far East, a scenario chosen.
const VIEW = '#v=1&map=6/43.2000/131.8000&from=2024-06-01&to=2025-12-31&sc=S4';

/** Every corridor's count as the Corridors tab shows it. */
async function corridorCounts(page: Page): Promise<Record<string, string>> {
  await page.getByRole('tab', { name: 'Corridors' }).click();
  await page.locator('[data-testid^="corridor-count-"]').first().waitFor();
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-testid^="corridor-count-"]')].map((e) => [e.getAttribute('data-testid'), e.textContent ?? ''])),
  );
}

/** Every scenario's probability as the Scenarios tab shows it. */
async function scenarioScores(page: Page): Promise<Record<string, string>> {
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByTestId('score-S1').waitFor();
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid^="score-S"]')].map((e) => [e.getAttribute('data-testid'), e.textContent ?? '']),
    ),
  );
}

/**
 * The middle of the map, around the camera's centre: the page's chrome (a wrapped top bar, a notice)
 * may leave the map a few pixels taller or shorter, but the centre shows the same place at the same scale.
 */
async function mapCentre(page: Page, path: string): Promise<Buffer> {
  const box = (await page.locator('.map').boundingBox())!;
  const [w, h] = [700, 480];
  return page.screenshot({ path, clip: { x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h } });
}

/** What the worker last computed, once it has caught up with the loaded reports. */
const settled = (page: Page) =>
  page.waitForFunction(() => {
    const s = window.__corridorWatch!.state() as { results: { scenarios: unknown; pending?: boolean } };
    return s.results.scenarios !== null;
  });

describe('the analysis file', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('saved in one browser, opened in a fresh one: the same reports, counts, corridor metrics, scores and map', async () => {
    const a = await openApp(browser, { hash: VIEW });
    const start = await visibleCount(a.page);
    // Imported reports (a kepler.gl CSV, clean enough to import without a review) …
    await a.page.getByTestId('import-file').setInputFiles('tests/fixtures/import/kepler-points.csv');
    await a.page.getByRole('button', { name: /^Remove imported reports/ }).waitFor();
    // … and one of the analyst's own, at Khasan.
    await addReportViaForm(a.page, KHASAN_REPORT);
    await a.page.keyboard.press('Escape'); // clear the selection the save made, so both maps show the same
    await settled(a.page);
    const countA = await visibleCount(a.page);
    assert.ok(countA > start, `the imported and own reports are counted (${start} → ${countA})`);
    const corridorsA = await corridorCounts(a.page);
    const scoresA = await scenarioScores(a.page);
    const stateA = await storeState(a.page);

    const [dl] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Save analysis' }).click()]);
    const path = join(dir, dl.suggestedFilename());
    await dl.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      type: string;
      features: { properties: { own?: boolean; sources?: unknown } }[];
      corridorWatch: { permalink: string; dataVersion: string };
    };
    assert.equal(file.type, 'FeatureCollection');
    assert.equal(file.features.filter((f) => f.properties.own === true).length, 1);
    assert.ok(file.features.length > 1, 'the imported reports are in the file too');
    assert.match(file.corridorWatch.permalink, /#v=1&/);
    assert.match(file.corridorWatch.dataVersion, /^[0-9a-f]{8}$/);
    await a.page.mouse.move(5, 5);
    await waitIdle(a.page);
    const shotA = await mapCentre(a.page, `${SHOTS}/analysis-saved-map.png`);

    // A fresh context: nothing in its IndexedDB, the default view.
    const b = await openApp(browser);
    assert.equal(await b.page.getByRole('button', { name: /^Remove imported reports/ }).count(), 0);
    await b.page.getByTestId('open-analysis-file').setInputFiles(path);
    const open = b.page.getByRole('dialog', { name: /^Review / });
    await open.waitFor();
    assert.match((await open.getByTestId('saved-view').textContent()) ?? '', /with one of the analyst's own reports/);
    await b.page.screenshot({ path: `${SHOTS}/analysis-open-review.png` });
    await open.getByRole('button', { name: /^Import \d+ new report/ }).click();
    await open.waitFor({ state: 'detached' });
    await b.page.waitForFunction((n) => Number((document.querySelector('[data-testid="visible-count"]')?.textContent ?? '').replace(/[^0-9]/g, '')) === n, countA, { timeout: 20_000 });
    await settled(b.page);
    assert.deepEqual(await corridorCounts(b.page), corridorsA);
    assert.deepEqual(await scenarioScores(b.page), scoresA);
    // The view opened exactly; the tabs clicked above are the same in both.
    assert.deepEqual(await storeState(b.page), await storeState(a.page));
    assert.deepEqual((await storeState<{ filters: unknown }>(b.page)).filters, stateA.filters);
    await b.page.getByRole('tab', { name: 'Scenarios' }).click();
    await b.page.mouse.move(5, 5);
    await waitIdle(b.page);
    const shotB = await mapCentre(b.page, `${SHOTS}/analysis-opened-map.png`);
    const diff = await imageDiff(b.page, shotA, shotB);
    assert.ok(diff < 0.02, `the maps differ in ${(diff * 100).toFixed(2)} % of pixels`);
    assert.deepEqual(a.consoleErrors, []);
    assert.deepEqual(b.consoleErrors, []);
    await b.page.context().close();
    await a.page.context().close();
  });
});
