/**
 * The files analysts bring (tests/fixtures/import/, invented test data), imported through the real
 * UI: the review says how each was read and what is odd, the file-wide choice applies, and the new
 * reports count in the map's visible count, the table and a corridor's metrics. A crashing import
 * worker ends the job with a message and leaves the app usable.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, axeAudit, launch, openApp, visibleCount, waitForCount, waitIdle } from './harness';
import { corridorOf, countsIn, sightings } from './support/geodata';

const DIR = 'tests/fixtures/import';

/** Confidence of every imported report, from the store. */
function importedConfidences(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const s = window.__corridorWatch!.state() as { sightingSets: { key: string; features: { properties: { confidence: string } }[] | null }[] };
    return (s.sightingSets.find((x) => x.key === 'imported')?.features ?? []).map((f) => f.properties.confidence);
  });
}

/** Expected count of a corridor (25 km, whole period) with extra points, from the files. */
function corridorCount(routeId: string, extra: [number, number][]): { before: number; after: number } {
  const corridor = corridorOf(routeId, 25);
  const inside = ([lon, lat]: [number, number]) => booleanPointInPolygon([lon, lat], corridor.polygon);
  // Bundled reports under the location-precision rule; the extra rows give no location (towns or
  // facilities), so they count where they are drawn.
  const before = sightings.filter((s) => countsIn(corridor, s)).length;
  return { before, after: before + extra.filter(inside).length };
}

describe('importing the files analysts bring', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('an ACLED export: the review says how it was read, the chosen confidence applies, every row counts', async () => {
    const { page } = await openApp(browser);
    const start = await visibleCount(page);
    await page.getByTestId('import-file').setInputFiles(`${DIR}/acled-current.csv`);
    const dialog = page.getByRole('dialog', { name: 'Review acled-current.csv' });
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('import-read-as').textContent(), 'Read as an ACLED export (current columns): 12 rows.');
    assert.match((await dialog.getByRole('list', { name: 'How the file was read' }).textContent()) ?? '', /ACLED gives no confidence: every report is "moderate" \(the default/);
    assert.equal(await dialog.getByTestId('import-counts').textContent(), '12 new reports.');
    await page.screenshot({ path: `${SHOTS}/import-review-acled.png` });
    await dialog.getByLabel('Confidence of every report in this file').selectOption('high');
    await dialog.getByRole('list', { name: 'How the file was read' }).getByText('every report is "high".').waitFor();
    await dialog.getByRole('button', { name: 'Import 12 new reports' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForCount(page, start + 12);
    assert.deepEqual([...new Set(await importedConfidences(page))], ['high']);
    await page.getByText('Imported 12 reports from acled-current.csv (read as an ACLED export (current columns)).').waitFor();

    // The table lists them as the map counts them.
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByRole('grid', { name: `Visible sightings, ${start + 12} rows` }).waitFor();

    // The same file again: recognised, not doubled.
    await page.getByTestId('import-file').setInputFiles(`${DIR}/acled-current.csv`);
    const again = page.getByRole('dialog', { name: 'Review acled-current.csv' });
    await again.waitFor();
    await again.getByLabel('Confidence of every report in this file').selectOption('high');
    await again.getByTestId('import-counts').getByText('0 new reports; 12 already loaded.').waitFor();
    await again.getByRole('button', { name: 'Nothing new: close' }).click();
    assert.equal(await visibleCount(page), start + 12);
    await page.context().close();
  });

  test('a kepler.gl CSV imports straight away and counts in a corridor', async () => {
    const { page } = await openApp(browser);
    const start = await visibleCount(page);
    const rows = readFileSync(`${DIR}/kepler-points.csv`, 'utf8').trim().split('\n').slice(1);
    const points = rows.map((r) => r.split(',').slice(0, 2).map(Number).reverse() as [number, number]);
    const routeId = 'rail-ts-ussuriysk-khabarovsk';
    const expected = corridorCount(routeId, points);
    assert.ok(expected.after > expected.before, 'some fixture rows lie in the corridor');
    await page.getByTestId('import-file').setInputFiles(`${DIR}/kepler-points.csv`);
    await page.getByText('Imported 8 reports from kepler-points.csv (read as a kepler.gl-style table).').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    await waitForCount(page, start + 8);
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(`[data-testid="${sel}"]`)?.textContent === String(want),
      [`corridor-count-${routeId}`, expected.after] as const,
      { timeout: 30_000 },
    );
    await page.context().close();
  });

  test('a European spreadsheet CSV and a QGIS layer import every row, saying the decimal commas', async () => {
    const { page } = await openApp(browser);
    const start = await visibleCount(page);
    await page.getByTestId('import-file').setInputFiles(`${DIR}/spreadsheet-eu.csv`);
    const dialog = page.getByRole('dialog', { name: 'Review spreadsheet-eu.csv' });
    await dialog.waitFor();
    const how = (await dialog.getByRole('list', { name: 'How the file was read' }).allTextContents()).join(' ');
    assert.match(how, /Columns separated by semicolons; UTF-8 with a byte-order mark; Windows line ends\./);
    assert.match(how, /Decimal commas read in latitude and longitude/);
    await dialog.getByRole('button', { name: 'Import 6 new reports' }).click();
    await waitForCount(page, start + 6);
    await page.getByTestId('import-file').setInputFiles(`${DIR}/qgis-layer.geojson`);
    await page.getByText('Imported 5 reports from qgis-layer.geojson (read as a QGIS/GDAL layer "dprk_reports_test").').waitFor();
    await waitForCount(page, start + 11);

    // A plain reload restores them, and no notice says the link cannot carry them.
    await page.waitForURL(/imp=1/);
    await page.reload();
    await waitIdle(page);
    await waitForCount(page, start + 11);
    const notices = await page.locator('.notice-info, .notice-warning, .notice-error').allTextContents();
    assert.ok(!notices.some((n) => /cannot carry|could not be used/.test(n)), notices.join('\n'));
    await page.context().close();
  });

  test('odd rows are said row by row, and a report after the window shows once the window is widened', async () => {
    const { page } = await openApp(browser);
    const start = await visibleCount(page);
    await page.getByTestId('import-file').setInputFiles(`${DIR}/reports-odd.csv`);
    const dialog = page.getByRole('dialog', { name: 'Review reports-odd.csv' });
    await dialog.waitFor();
    const remarks = await dialog.getByRole('list', { name: 'Remarks' }).locator('li').allTextContents();
    assert.ok(remarks.some((r) => /^Row 3: .*latitude and longitude may be swapped \(the other way round: latitude 55\.7558, longitude 37\.6173\)/.test(r)), remarks.join('\n'));
    assert.ok(remarks.some((r) => r.startsWith('Row 1: date 1800-01-01 is before 2000')));
    assert.ok(remarks.some((r) => r.startsWith('Row 5: repeats row 4')));
    const windowText = (await dialog.getByTestId('import-window').textContent()) ?? '';
    assert.match(windowText, /^1 report is before the window's start; 2 reports are after the window's end: widen the window to see them\./);
    await page.screenshot({ path: `${SHOTS}/import-review-odd.png` });
    await dialog.getByRole('button', { name: /^Widen the window to 2023-07-01 – 2026-11-15/ }).click();
    await dialog.getByRole('button', { name: 'Import 7 new reports' }).click();
    await dialog.waitFor({ state: 'detached' });
    // All but the 1800 and 2999 reports are inside 2023-07-01…2026-11-15.
    await waitForCount(page, start + 5);
    const dates = await page.evaluate(() => (window.__corridorWatch!.state() as { filters: { from: string; to: string } }).filters);
    assert.deepEqual([dates.from, dates.to], ['2023-07-01', '2026-11-15']);
    await page.context().close();
  });

  test('axe finds no serious or critical violations in the reviews of an ACLED file and of odd rows', async () => {
    const { page } = await openApp(browser, { bypassCSP: true });
    for (const name of ['reports-odd.csv', 'acled-current.csv']) {
      await page.getByTestId('import-file').setInputFiles(`${DIR}/${name}`);
      const dialog = page.getByRole('dialog', { name: `Review ${name}` });
      await dialog.waitFor();
      assert.deepEqual(await axeAudit(page), [], name);
      await dialog.getByRole('button', { name: 'Refuse the whole file' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.context().close();
  });

  test('an import worker that crashes ends the job with a message; the app stays usable', async () => {
    const { page } = await openApp(browser);
    const start = await visibleCount(page);
    // Only the import worker (the one that reads saved batches) is replaced by one that throws.
    await page.route(/\/assets\/worker-[\w-]+\.js$/, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (!body.includes('restoreKey')) return route.fulfill({ response, body });
      return route.fulfill({ response, body: 'self.onmessage = () => { throw new Error("simulated crash"); };' });
    });
    await page.getByTestId('import-file').setInputFiles(`${DIR}/kepler-points.csv`);
    const error = page.locator('.notice-error', { hasText: 'kepler-points.csv could not be imported' });
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /the import worker failed \(.*simulated crash.*\)/);
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.equal(await visibleCount(page), start);
    await page.unroute(/\/assets\/worker-[\w-]+\.js$/);
    await page.getByTestId('import-file').setInputFiles(`${DIR}/kepler-points.csv`);
    await waitForCount(page, start + 8);
    await page.context().close();
  });
});
