/**
 * Metrics that do not mislead, read from the real panels: no change level that rests on history before
 * the data begins, region reports that do not count where their region lies mostly outside, and the
 * text and precision filters reaching the corridor counts. Expected numbers come from the data files.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, SHOTS, visibleCount, waitForCorridorCount } from './harness';
import { corridorOf, countsIn, day, routes, sightings } from './support/geodata';

const TREND = new Set(['large-rise', 'moderate-rise', 'limited-change', 'large-fall']);
const DATA_START = day('2023-07-01');

interface ZoneState { zoneId: string; count: number; change4: { level: string; windows: number }; change12: { level: string; windows: number } }
const windowState = (page: Page) =>
  page.evaluate(() => {
    const s = window.__corridorWatch!.state() as { results: { window: { filters: { fromDay: number; toDay: number }; zones: ZoneState[] } | null } };
    return JSON.parse(JSON.stringify(s.results.window)) as { filters: { fromDay: number; toDay: number }; zones: ZoneState[] } | null;
  });

/** Per scenario: its badge, the score table's Status cells (indicator rows) and its indicator badges. */
const scenarioWords = (page: Page) =>
  page.locator('section[data-scenario]').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-scenario'),
      badge: el.querySelector('.scenario-meta .badge')!.textContent,
      terms: [...el.querySelectorAll('table.score-table tbody tr')].slice(1).map((tr) => tr.querySelector('td')!.textContent),
      indicators: [...el.querySelectorAll('.indicator-head .badge')].map((b) => b.textContent),
    })),
  );

describe('honest corridor metrics', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('the default view shows no "Large rise" from empty history; later windows compare only with covered windows', async () => {
    const { page, consoleErrors } = await openApp(browser);
    await page.getByRole('tab', { name: 'Corridors' }).click();
    const rows = page.locator('.corridor-row');
    await page.waitForFunction((n) => document.querySelectorAll('.corridor-row').length === n, routes.length, { timeout: 15_000 });
    const badges = page.locator('.corridor-row .badge');
    const texts = await badges.allTextContents();
    const levels = await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
    assert.equal(texts.length, routes.length);
    assert.equal(texts.filter((t) => /large rise/i.test(t)).length, 0, `badges: ${texts.join(' | ')}`);
    assert.ok(levels.every((l) => !TREND.has(l!)), `levels: ${levels.join(', ')}`);
    assert.ok(texts.every((t) => t === 'No baseline (data starts 2023-07)'), texts.join(' | '));
    await page.getByText('How these numbers are counted').click();
    assert.match((await page.getByTestId('coverage-note').textContent()) ?? '', /2023-07 – 2025-12/);
    assert.match((await page.getByTestId('precision-rule').textContent()) ?? '', /at least half of that region/);
    await page.locator('.rightpanel').screenshot({ path: `${SHOTS}/corridors-no-baseline.png` });

    // A quarter with history behind it: every rise or fall rests on windows inside the data.
    await page.getByLabel('From date').fill('2025-01-01');
    await page.getByLabel('To date').fill('2025-03-31');
    await page.waitForFunction(() => {
      const s = window.__corridorWatch!.state() as { results: { window: { filters: { fromDay: number } } | null } };
      return s.results.window?.filters.fromDay === Date.parse('2025-01-01T00:00:00Z') / 86_400_000;
    }, undefined, { timeout: 15_000 });
    const w = (await windowState(page))!;
    const len = w.filters.toDay - w.filters.fromDay + 1;
    let trends = 0;
    for (const z of w.zones) {
      for (const c of [z.change4, z.change12]) {
        if (!TREND.has(c.level)) continue;
        trends++;
        assert.ok(c.windows > 0 && w.filters.fromDay - c.windows * len >= DATA_START, `${z.zoneId}: ${c.level} over ${c.windows} windows`);
      }
    }
    assert.ok(trends > 0, 'a 2025 quarter has covered history to compare with');
    // The 12-window level says how many windows it used (5 quarters since July 2023).
    await rows.first().click();
    await page.getByTestId('detail-count').waitFor();
    assert.match((await page.locator('.corridor-detail').textContent()) ?? '', /covered \(of 12\)/);
    await page.locator('.rightpanel').screenshot({ path: `${SHOTS}/corridors-covered-windows.png` });
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('region reports at Rajin port do not raise Rajin – Tumangang – Khasan; the panel says how many were left out', async () => {
    const id = 'rail-rajin-ussuriysk';
    const corridor = corridorOf(id, 25);
    const [from, to] = ['2023-09-01', '2023-11-30'];
    const inWindow = sightings.filter((s) => day(s.properties.date) >= day(from) && day(s.properties.date) <= day(to));
    const counted = inWindow.filter((s) => countsIn(corridor, s)).length;
    const onPolygonNotCounted = inWindow.filter((s) => !countsIn(corridor, s) && countsIn(corridor, { ...s, properties: { ...s.properties, location: 'exact' } })).length;
    assert.ok(onPolygonNotCounted >= 2, 'the autumn-2023 region reports at Rajin port lie on the corridor polygon');
    const { page, consoleErrors } = await openApp(browser, { hash: `#v=1&from=${from}&to=${to}` });
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await waitForCorridorCount(page, id, counted);
    await page.locator(`button[data-corridor="${id}"]`).click();
    await page.getByTestId('detail-region-excluded').waitFor();
    assert.equal(await page.getByTestId('detail-region-excluded').textContent(), String(onPolygonNotCounted));
    await page.locator('.rightpanel').screenshot({ path: `${SHOTS}/corridor-region-excluded.png` });
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('the search text and the precision filter narrow the corridor counts as they narrow the map', async () => {
    const id = 'rail-rajin-ussuriysk';
    const corridor = corridorOf(id, 25);
    const hay = (s: (typeof sightings)[number]) => `${s.properties.name} ${s.properties.summary} ${s.properties.place ?? ''}`.toLowerCase();
    const { page, consoleErrors } = await openApp(browser);
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await waitForCorridorCount(page, id, sightings.filter((s) => countsIn(corridor, s)).length);

    await page.getByRole('searchbox').fill('rail');
    const textMatches = sightings.filter((s) => hay(s).includes('rail'));
    assert.equal(await visibleCount(page), textMatches.length);
    const expected = textMatches.filter((s) => countsIn(corridor, s)).length;
    assert.notEqual(expected, sightings.filter((s) => countsIn(corridor, s)).length, 'the search should change the count');
    await waitForCorridorCount(page, id, expected);
    await page.getByRole('searchbox').fill('');

    await page.getByRole('checkbox', { name: /^Town or facility/ }).uncheck();
    const kept = sightings.filter((s) => s.properties.location !== 'settlement');
    assert.equal(await visibleCount(page), kept.length);
    await waitForCorridorCount(page, id, kept.filter((s) => countsIn(corridor, s)).length);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('a corridor whose latest report gives only a month shows the month in the list, the detail and the strip', async () => {
    const id = 'rail-vostochny-ussuriysk';
    const corridor = corridorOf(id, 25);
    const [from, to] = ['2025-09-01', '2025-09-28'];
    const counted = sightings.filter((s) => day(s.properties.date) >= day(from) && day(s.properties.date) <= day(to) && countsIn(corridor, s));
    const latest = Math.max(...counted.map((s) => day(s.properties.date)));
    const onLatest = counted.filter((s) => day(s.properties.date) === latest);
    assert.ok(onLatest.length > 0 && onLatest.every((s) => s.properties.date.length === 7), 'the latest report in the window gives only a month');
    const month = onLatest[0]!.properties.date;
    const { page, consoleErrors } = await openApp(browser, { hash: `#v=1&from=${from}&to=${to}` });
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await waitForCorridorCount(page, id, counted.length);
    const row = page.locator(`button[data-corridor="${id}"]`);
    assert.match((await row.textContent()) ?? '', new RegExp(`latest ${month}(?!-)`));
    await row.click();
    await page.getByTestId('detail-latest').waitFor();
    assert.equal(await page.getByTestId('detail-latest').textContent(), month);
    const dot = page.locator(`.along-strip [data-sighting="${onLatest[0]!.properties.id}"]`);
    await dot.waitFor();
    assert.match((await dot.getAttribute('aria-label')) ?? '', new RegExp(`: ${month}, `));
    // The window's own first day is a day; no report is shown as one.
    assert.ok(!((await page.locator('.along-strip svg').getAttribute('aria-label')) ?? '').includes(`${month}-01`));
    await page.locator('.corridor-detail').screenshot({ path: `${SHOTS}/corridor-month-only-latest.png` });
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('early in the data the scenario panel says which indicators have too little history to speak', async () => {
    const { page, consoleErrors } = await openApp(browser, { hash: '#v=1&from=2023-07-01&to=2023-09-30' });
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.locator('section[data-scenario]').first().waitFor();
    // A count over 180 days, half of them before the data: 0 is no evidence of quiet.
    const badge = page.locator('[data-testid="indicator-status-S1-s1-homecomings"]');
    await badge.waitFor();
    assert.equal(await badge.textContent(), 'Too little history');
    const item = page.locator('li.indicator').filter({ has: badge });
    assert.match((await item.locator('.history-note').textContent()) ?? '', /Cannot speak: too little history: needs 2023-04-04 – 2023-09-30, data 2023-07 – 2025-12/);
    // A change against a previous window before the data has no value: "No reading", and the note says why.
    const change = page.locator('li.indicator').filter({ has: page.locator('[data-testid="indicator-status-S4-s4-container-patterns"]') });
    assert.equal(await change.locator('.badge').first().textContent(), 'No reading');
    assert.match((await change.locator('.history-note').textContent()) ?? '', /needs 2023-04-04 – 2023-09-30/);
    // The score table says the same, not "Quiet", and a scenario is "Quiet" only when all its indicators are.
    assert.ok((await page.locator('section[data-scenario="S1"] table.score-table').textContent())?.includes('Too little history'));
    const words = await scenarioWords(page);
    for (const w of words) {
      assert.deepEqual(w.terms, w.indicators, `${w.id}: the score table's Status column reads as the indicator badges`);
      if (w.indicators.some((x) => x !== 'Quiet')) assert.notEqual(w.badge, 'Quiet', `${w.id}: ${w.indicators.join(', ')}`);
    }
    assert.ok(words.some((w) => /no reading on \d/i.test(w.badge)), 'a scenario badge counts its indicators with no reading');
    await page.locator('section[data-scenario="S1"]').screenshot({ path: `${SHOTS}/scenario-too-little-history.png` });
    // Later, with the whole look-back inside the data, no indicator says so.
    await page.getByLabel('From date').fill('2025-06-01');
    await page.getByLabel('To date').fill('2025-12-16');
    await page.waitForFunction(() => document.querySelector('[data-testid="as-of"]')?.textContent === '2025-12-16', undefined, { timeout: 15_000 });
    assert.equal(await page.getByText('Too little history').count(), 0);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
