import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { booleanPointInPolygon } from '@turf/turf';
import type { SightingFeature } from '../../src/domain/schemas';
import { SHOTS, launch, openApp, project, visibleCount, waitForCount, waitIdle } from './harness';
import { corridorOf, day, routes, sightings } from './support/geodata';
import { KHASAN_REPORT, addReportViaForm } from './support/reportForm';

// The default window (the bundled extent) and the indicator an in-corridor troop movement feeds: rail
// and port activity on the corridors, a confidence-weighted count over the 90 days ending on the
// window's last day.
const FROM = '2023-07-01';
const TO = '2025-12-31';
const INDICATOR = 's1-rail-port-to-training';

const inCorridor = (routeId: string) => {
  const corridor = corridorOf(routeId, 25);
  return sightings.filter((s: SightingFeature) => {
    const d = day(s.properties.date);
    return d >= day(FROM) && d <= day(TO) && booleanPointInPolygon(s.geometry.coordinates, corridor.polygon);
  }).length;
};
// The Trans-Siberian leg with the most reports in the window; the report goes on one of its vertices.
const leg = routes
  .filter((r) => r.properties.id.startsWith('rail-ts-'))
  .map((r) => ({ route: r, n: inCorridor(r.properties.id) }))
  .sort((a, b) => b.n - a.n)[0]!;
const vertex = leg.route.geometry.coordinates[Math.floor(leg.route.geometry.coordinates.length / 2)]!;

const corridorCount = async (page: Page) => Number(await page.getByTestId(`corridor-count-${leg.route.properties.id}`).textContent());
const waitCorridorCount = (page: Page, n: number) =>
  page.waitForFunction(
    ([sel, want]) => document.querySelector(`[data-testid="${sel}"]`)?.textContent === String(want),
    [`corridor-count-${leg.route.properties.id}`, n] as const,
    { timeout: 15_000 },
  );
/** The indicator's value as the worker last computed it (null before the first result). */
const indicatorValue = (page: Page) =>
  page.evaluate((id) => {
    const s = window.__corridorWatch!.state() as { results: { scenarios: { indicators: { id: string; value: number | null }[] } | null } };
    return s.results.scenarios?.indicators.find((r) => r.id === id)?.value ?? null;
  }, INDICATOR);
const waitIndicator = (page: Page, want: number) =>
  page.waitForFunction(
    ([id, v]) => {
      const s = window.__corridorWatch!.state() as { results: { scenarios: { indicators: { id: string; value: number | null }[] } | null } };
      return s.results.scenarios?.indicators.find((r) => r.id === id)?.value === v;
    },
    [INDICATOR, want] as const,
    { timeout: 15_000 },
  );
/** The own reports now loaded, as plain data. */
const ownReports = (page: Page) =>
  page.evaluate(() => {
    const s = window.__corridorWatch!.state() as { sightingSets: { key: string; features?: SightingFeature[] }[] };
    return s.sightingSets.flatMap((x) => x.features ?? []).filter((f) => f.properties.own === true);
  });

describe('the analyst’s own reports', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('a report added through the form inside a corridor moves its count and indicator; moved out of the window they move back; a reload keeps it', async () => {
    const { page, consoleErrors } = await openApp(browser, { hash: `#v=1&map=8/${vertex[1]!.toFixed(4)}/${vertex[0]!.toFixed(4)}&tab=corridors` });
    // The corridor's count before (the metrics apply their own precision rule, so it is read, not derived).
    await page.waitForFunction(() => (window.__corridorWatch!.state() as { results: { scenarios: unknown; status: string } }).results.status === 'ready');
    await page.getByTestId(`corridor-count-${leg.route.properties.id}`).waitFor();
    const before = { count: await corridorCount(page), indicator: (await indicatorValue(page))! };
    assert.ok(before.count > 0 && before.count <= leg.n, `the busiest leg counts ${before.count} of its ${leg.n} reports`);

    await page.getByRole('button', { name: 'Add report' }).click();
    const form = page.getByRole('dialog', { name: 'Add a report' });
    await form.waitFor();
    // A new report starts with the next map click as its position: the vertex of the leg, on screen.
    assert.equal(await form.getByRole('button', { name: /^Click the map/ }).getAttribute('aria-pressed'), 'true');
    const at = await project(page, vertex[0]!, vertex[1]!);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#rf-lat')?.value ?? '') !== '');
    const lat = Number(await page.locator('#rf-lat').inputValue());
    const lon = Number(await page.locator('#rf-lon').inputValue());
    assert.ok(Math.abs(lat - vertex[1]!) < 0.05 && Math.abs(lon - vertex[0]!) < 0.05, `placed at ${lat},${lon}, near the vertex ${vertex[1]},${vertex[0]}`);
    // A nearby named node is offered as the place.
    assert.notEqual(await page.locator('#rf-place').inputValue(), '', 'the nearest named place is chosen');

    // Saving an incomplete form lists what is missing and saves nothing.
    await form.getByRole('button', { name: 'Save report' }).click();
    const problems = form.getByRole('alert');
    await problems.waitFor();
    assert.match((await problems.textContent()) ?? '', /fields need attention/);
    assert.equal((await ownReports(page)).length, 0);

    await page.locator('#rf-date').fill('2025-12-20');
    await page.locator('#rf-category').selectOption('troop-movement');
    await form.getByRole('radio', { name: /^Moderate/ }).check();
    await form.getByRole('radio', { name: /^Exact/ }).check();
    await page.locator('#rf-summary').fill('A regional rail watcher reported a military train with covered flatcars passing eastbound.');
    await page.locator('#rf-sources-0-publisher').fill('Example Rail Watch');
    await page.locator('#rf-sources-0-title').fill('Eastbound military train');
    await page.locator('#rf-sources-0-date').fill('2025-12-21');
    await page.locator('#rf-sources-0-url').fill('https://example.org/rail/eastbound');
    await page.screenshot({ path: `${SHOTS}/own-report-form.png` });
    await form.getByRole('button', { name: 'Save report' }).click();
    await form.waitFor({ state: 'detached' });

    // Marked as own in the details (saving selects it).
    const details = page.locator('.own-line');
    await details.waitFor();
    assert.match((await details.textContent()) ?? '', /Your own report/);
    await page.screenshot({ path: `${SHOTS}/own-report-details.png` });

    // The corridor's count and the indicator it feeds move.
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await waitCorridorCount(page, before.count + 1);
    await page.waitForFunction(
      ([id, v]) => {
        const s = window.__corridorWatch!.state() as { results: { scenarios: { indicators: { id: string; value: number | null }[] } | null } };
        const now = s.results.scenarios?.indicators.find((r) => r.id === id)?.value;
        return typeof now === 'number' && now > v;
      },
      [INDICATOR, before.indicator] as const,
      { timeout: 15_000 },
    );
    const own = await ownReports(page);
    assert.equal(own.length, 1);
    assert.equal(own[0]!.properties.date, '2025-12-20');
    assert.equal(own[0]!.properties.category, 'troop-movement');

    // … and in the table.
    await page.getByRole('button', { name: 'Table' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Your own report' }).or(page.locator('[role="row"]:has(.own-badge)'));
    await row.first().waitFor();
    await page.getByRole('tab', { name: 'Details' }).click();

    // Edited out of the window (before its start): both move back.
    await page.getByRole('group', { name: 'Your report' }).getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit your report' });
    await edit.waitFor();
    await page.locator('#rf-date').fill('2023-05-10');
    await page.locator('#rf-sources-0-date').fill('2023-05-11');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await waitCorridorCount(page, before.count);
    await waitIndicator(page, before.indicator);
    assert.deepEqual((await ownReports(page)).map((f) => f.properties.date), ['2023-05-10'], 'the edit replaced the report');

    // A reload finds it, as edited, and the counts stay back.
    await page.reload();
    await waitIdle(page);
    await page.waitForFunction(() => {
      const s = window.__corridorWatch!.state() as { sightingSets: { features?: { properties: { own?: boolean } }[] }[] };
      return s.sightingSets.some((x) => x.features?.some((f) => f.properties.own === true));
    }, undefined, { timeout: 15_000 });
    const restored = await ownReports(page);
    assert.equal(restored.length, 1);
    assert.equal(restored[0]!.properties.id, own[0]!.properties.id);
    assert.equal(restored[0]!.properties.date, '2023-05-10');
    // The link brings the selection back, and with it the details: the counts are on the Corridors tab.
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await waitCorridorCount(page, before.count);

    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('removed from its details, a report is gone here and after a reload', async () => {
    const { page, consoleErrors } = await openApp(browser);
    const start = await visibleCount(page);
    await addReportViaForm(page, KHASAN_REPORT);
    await waitForCount(page, start + 1);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('group', { name: 'Your report' }).getByRole('button', { name: 'Remove' }).click();
    await waitForCount(page, start);
    assert.equal((await ownReports(page)).length, 0);
    await page.reload();
    await waitIdle(page);
    assert.equal(await visibleCount(page), start);
    assert.equal((await ownReports(page)).length, 0);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('when the browser cannot save (a full quota), the report stays in the page and the analyst is told', async () => {
    const { page } = await openApp(browser, {
      // Every write to IndexedDB fails as a full disk does; reading still works.
      setup: async (p) => {
        await p.addInitScript(() => {
          IDBObjectStore.prototype.put = function () {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
        });
      },
    });
    const start = await visibleCount(page);
    await addReportViaForm(page, KHASAN_REPORT);
    const warning = page.getByText(/Your report could not be saved in this browser/);
    await warning.waitFor({ timeout: 15_000 });
    assert.match((await warning.textContent()) ?? '', /It stays in this page until you close it: save the analysis file to keep it/);
    assert.match((await page.locator('.own-line').textContent()) ?? '', /this browser could not save it/);
    assert.equal(await page.getByRole('button', { name: 'Save analysis file' }).count(), 1);
    assert.equal(await visibleCount(page), start + 1, 'the report is in the page all the same');
    await page.screenshot({ path: `${SHOTS}/own-report-unsaved.png` });
    await page.context().close();
  });
});
