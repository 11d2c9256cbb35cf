import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check } from '@placemarkio/check-geojson';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, launch, openApp, visibleCount, waitForCount, waitIdle, axeAudit } from './harness';
import { corridorOf, countsIn, day, sightings, sources } from './support/geodata';
import { booleanPointInPolygon } from '@turf/turf';

const FIXTURE = 'tests/fixtures/e2e/reports-3good-2bad.csv';

/**
 * Expected count of the Ussuriysk–Khabarovsk corridor (25 km, whole period) with the fixture's three
 * good rows, worked out here from the files: the bundled sightings and the CSV's valid rows (the first
 * three data rows) tested against the corridor polygon the engine builds.
 */
function expectedCorridorCountWithImports(routeId: string): { before: number; after: number } {
  const corridor = corridorOf(routeId, 25);
  const inside = (lon: number, lat: number) => booleanPointInPolygon([lon, lat], corridor.polygon);
  // Bundled reports under the location-precision rule; the CSV gives no location, so its rows import
  // as towns or facilities and count where they are drawn.
  const before = sightings.filter((s) => countsIn(corridor, s)).length;
  const good = readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1, 4).map((line) => line.split(',').slice(0, 2).map(Number));
  return { before, after: before + good.filter(([lat, lon]) => inside(lon!, lat!)).length };
}

async function download(page: Page, item: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: /^Export/ }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: item }).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function importFixture(page: Page): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(FIXTURE);
  const dialog = page.getByRole('dialog', { name: 'Review reports-3good-2bad.csv' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Import 3 new reports' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('import and export', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('exporting sightings gives exactly the filtered features, with metadata', async () => {
    const { page } = await openApp(browser);
    const from = '2024-10-01';
    const to = '2025-03-31';
    await page.getByLabel('From date').fill(from);
    await page.getByLabel('To date').fill(to);
    await page.getByRole('button', { name: 'Only Training' }).click();
    const expected = sightings
      .filter((s) => s.properties.category === 'training' && day(s.properties.date) >= day(from) && day(s.properties.date) <= day(to))
      .map((s) => s.properties.id)
      .sort();
    assert.ok(expected.length > 0 && expected.length < sightings.length, 'the filter should keep some sightings and drop others');
    await waitForCount(page, expected.length);

    const geo = await download(page, 'Sightings — GeoJSON');
    assert.equal(geo.name, `corridor-watch_sightings_${from}_${to}.geojson`);
    const fc = check(geo.text) as unknown as {
      features: { id: string }[];
      corridorWatch: { permalink: string; layer: string; count: number; filters: { from: string; to: string; categories: string[] } };
    };
    assert.deepEqual(fc.features.map((f) => f.id).sort(), expected);
    // The exported permalink is the view as it was, which the (debounced) address bar settles to.
    assert.match(fc.corridorWatch.permalink, /cat=training/);
    await page.waitForURL((u) => u.href === fc.corridorWatch.permalink);
    assert.equal(fc.corridorWatch.layer, 'sightings');
    assert.equal(fc.corridorWatch.count, expected.length);
    assert.deepEqual([fc.corridorWatch.filters.from, fc.corridorWatch.filters.to, fc.corridorWatch.filters.categories], [from, to, ['training']]);

    await page.getByRole('button', { name: /^Export/ }).click();
    await page.screenshot({ path: `${SHOTS}/export-menu.png` });
    await page.keyboard.press('Escape');
    const csv = await download(page, 'Sightings — CSV table');
    const ids = csv.text.replace(/^\ufeff/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
    assert.deepEqual(ids.sort(), expected);
    await page.context().close();
  });

  test('a CSV with two bad rows names them; keeping adds three reports, and a reload keeps them', async () => {
    const { page } = await openApp(browser);
    const start = await visibleCount(page);
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    const dialog = page.getByRole('dialog', { name: 'Review reports-3good-2bad.csv' });
    await dialog.waitFor();
    const problems = await dialog.getByRole('list', { name: 'Problems found' }).locator('li').allTextContents();
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0]!, /^Row 4: .*2025-02-30/);
    assert.match(problems[1]!, /^Row 5: longitude 999 is out of range/);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Import 3 new reports');
    await page.screenshot({ path: `${SHOTS}/import-review.png` });
    await dialog.getByRole('button', { name: 'Import 3 new reports' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForCount(page, start + 3);
    assert.ok(await page.getByText('Imported 3 reports from reports-3good-2bad.csv (read as a table of reports); 2 left out.').isVisible());

    await page.reload();
    await waitIdle(page);
    await waitForCount(page, start + 3);
    assert.equal(await visibleCount(page), start + 3);
    // Markup in the file stayed text.
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);

    // The imported reports count in the corridor metrics too.
    const routeId = 'rail-ts-ussuriysk-khabarovsk';
    const expected = expectedCorridorCountWithImports(routeId);
    assert.ok(expected.after > expected.before, 'the fixture rows lie in the corridor');
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(`[data-testid="${sel}"]`)?.textContent === String(want),
      [`corridor-count-${routeId}`, expected.after] as const,
      { timeout: 20_000 },
    );
    await page.context().close();
  });

  test('a file that is not a table is refused with a message, and what was loaded stays', async () => {
    const { page } = await openApp(browser);
    const start = await visibleCount(page);
    await importFixture(page);
    await waitForCount(page, start + 3);

    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    await page.getByTestId('import-file').setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: binary });
    const binaryError = page.locator('.notice-error', { hasText: 'photo.csv could not be imported' });
    await binaryError.waitFor();
    assert.match((await binaryError.textContent()) ?? '', /not a CSV or GeoJSON file/);

    const prose = 'Dear colleague,\nplease find the notes from Tuesday below.\nBest regards\n';
    await page.getByTestId('import-file').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from(prose) });
    const proseError = page.locator('.notice-error', { hasText: 'notes.csv could not be imported' });
    await proseError.waitFor();
    assert.match((await proseError.textContent()) ?? '', /does not have the columns of a table of reports[\s\S]*no lat column/);
    assert.equal(await visibleCount(page), start + 3);
    await page.screenshot({ path: `${SHOTS}/import-refused.png` });

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Remove imported reports (3)' }).click();
    await waitForCount(page, start);
    await page.context().close();
  });

  test('dropping a clean file on the window imports it straight away', async () => {
    const { page } = await openApp(browser);
    const start = await visibleCount(page);
    const clean = readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(0, 4).join('\n');
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return d;
    }, clean);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
    const overlay = page.getByText('Drop a CSV or GeoJSON file of reports to import it');
    await overlay.waitFor();
    await page.screenshot({ path: `${SHOTS}/import-drop.png` });
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
    await overlay.waitFor({ state: 'detached' });
    await page.getByText('Imported 3 reports from dropped.csv (read as a table of reports).').waitFor();
    await waitForCount(page, start + 3);
    assert.equal(await page.getByRole('dialog').count(), 0);
    await page.context().close();
  });

  test('the analyst brief shows the map picture, the permalink and the citations', async () => {
    const { page } = await openApp(browser);
    const opener = page.getByRole('button', { name: 'Analyst brief' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Analyst brief' });
    await dialog.getByTestId('brief').waitFor();
    const permalink = (await dialog.getByTestId('brief-permalink').textContent()) ?? '';
    await page.waitForURL((u) => u.href === permalink);
    const src = (await dialog.getByTestId('brief-map').getAttribute('src')) ?? '';
    assert.match(src, /^data:image\/png;base64,/);
    assert.ok(src.length > 10_000, `map picture too small (${src.length} characters)`);
    const publishers = new Set([...sources.values()].map((s) => s.publisher));
    const shown = await dialog.getByTestId('brief-citations').locator('.publisher').allTextContents();
    assert.ok(shown.some((p) => publishers.has(p)), `no known publisher among ${shown.slice(0, 5).join(' | ')}`);
    await page.screenshot({ path: `${SHOTS}/brief.png` });
    await dialog.getByTestId('brief-citations').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/brief-citations.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Analyst brief');
    await page.context().close();
  });

  test('axe finds no serious or critical violations in the import review and the brief', async () => {
    const { page } = await openApp(browser, { bypassCSP: true });
    const audit = () => axeAudit(page);
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await page.getByRole('dialog', { name: 'Review reports-3good-2bad.csv' }).waitFor();
    assert.deepEqual(await audit(), []);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Analyst brief' }).click();
    await page.getByTestId('brief').waitFor();
    assert.deepEqual(await audit(), []);
    await page.context().close();
  });
});
