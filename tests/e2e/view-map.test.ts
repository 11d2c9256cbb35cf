/**
 * The map as an analyst reads it: names of the network's places from zoom 6, a place search that
 * frames what it finds, a selected corridor framed, "in view" counting what the map shows, month-only
 * dates as the report gives them, and n/a indicators that do not read "Quiet".
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, axeAudit, colourDistance, hexToRgb, launch, openApp, pixelAt, pixels, project, storeState, visibleCount, waitIdle } from './harness';
import type { AreaFeature } from '../../src/domain/schemas';
import { features, nodes, routes, sightings } from './support/geodata';

type Cam = { camera: { zoom: number; lat: number; lon: number }; selection: { featureId: string | null; corridorId: string | null } };
const node = (id: string) => nodes.find((n) => n.properties.id === id)!.geometry.coordinates as [number, number];

/** Dark (label ink) pixels in a box around a place: node names are drawn near-black with a white halo. */
async function inkAround(page: Page, lon: number, lat: number, half = 90): Promise<number> {
  const p = await project(page, lon, lat);
  const px = await pixels(page, { x: p.x - half, y: p.y - 24, width: 2 * half, height: 48 });
  return px.filter(([r, g, b]) => r < 70 && g < 70 && b < 80).length;
}

/** The longest straight piece of any rail route: its midpoint is on the line and far from its bends. */
const longestRail = routes
  .filter((r) => r.properties.mode === 'rail')
  .flatMap((r) =>
    (r.geometry.coordinates as [number, number][]).slice(1).map((b, i) => {
      const a = r.geometry.coordinates[i] as [number, number];
      return { route: r, mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as [number, number], length: Math.hypot(b[0] - a[0], b[1] - a[1]) };
    }),
  )
  .sort((a, b) => b.length - a.length)[0]!;
/** Rail brown (96, 40, 20), lighter where schematic: well darker and redder than the land or sea around. */
const isRailBrown = ([r, g, b]: [number, number, number]) => r < 170 && r > g + 30 && g >= b - 10;

const inViewCount = async (page: Page) => Number(((await page.getByTestId('in-view-count').textContent()) ?? '').replace(/[^0-9]/g, ''));

describe('the map at working zooms', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('zoom 7 over Rason names Rajin, Tumangang and Khasan; zoom 5 does not (far view uncluttered)', async () => {
    const [tLon, tLat] = node('tumangang');
    const { page } = await openApp(browser, { hash: `#v=1&map=7.00/${tLat.toFixed(4)}/${tLon.toFixed(4)}&layers=rail,sea,nodes,areas,labels` });
    await page.screenshot({ path: `${SHOTS}/view-labels-z7.png` });
    const on = await inkAround(page, tLon, tLat);
    await page.locator('input[data-layer="labels"]').uncheck();
    await waitIdle(page);
    const off = await inkAround(page, tLon, tLat);
    assert.ok(on > off + 60, `label ink around Tumangang: ${on} with labels, ${off} without`);

    const far = await openApp(browser, { hash: `#v=1&map=5.00/${tLat.toFixed(4)}/${tLon.toFixed(4)}&layers=rail,sea,nodes,areas,labels` });
    const farOn = await inkAround(far.page, tLon, tLat, 60);
    await far.page.locator('input[data-layer="labels"]').uncheck();
    await waitIdle(far.page);
    const farOff = await inkAround(far.page, tLon, tLat, 60);
    assert.ok(Math.abs(farOn - farOff) < 15, `zoom 5 draws no node names: ${farOn} vs ${farOff}`);
    await far.page.context().close();
    await page.context().close();
  });

  test('an area is filled under its outline, and a click or hover anywhere inside it finds it', async () => {
    const area = features<AreaFeature>('areas.geojson').find((a) => a.properties.id === 'area-ulan-ude')!;
    const ring = area.geometry.coordinates[0] as [number, number][];
    const [lon, lat] = [0, 1].map((i) => ring.slice(1).reduce((a, p) => a + p[i]!, 0) / (ring.length - 1)) as [number, number];
    const { page } = await openApp(browser, { hash: `#v=1&map=9.00/${lat.toFixed(4)}/${lon.toFixed(4)}&layers=areas` });
    const p = await project(page, lon, lat);
    const centre = { x: p.x - 10, y: p.y - 10, width: 20, height: 20 };
    const tint = (px: [number, number, number][]) => px.reduce((a, [r, g, b]) => a + g - (r + b) / 2, 0) / px.length;
    const filled = tint(await pixels(page, centre));
    await page.locator('input[data-layer="areas"]').uncheck();
    await waitIdle(page);
    const bare = tint(await pixels(page, centre));
    // The training-area fill is green at 16 % over the land: its green leads red and blue by a few levels more.
    assert.ok(filled > bare + 3, `the fill tints the area's inside green: ${filled.toFixed(1)} with it, ${bare.toFixed(1)} without`);
    await page.locator('input[data-layer="areas"]').check();
    await waitIdle(page);
    await page.mouse.move(p.x, p.y);
    await page.locator('.map-tooltip').filter({ hasText: area.properties.name }).waitFor();
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((id) => (window.__corridorWatch!.state() as { selection: { featureId: string | null } }).selection.featureId === id, area.properties.id);
    await page.screenshot({ path: `${SHOTS}/view-area-inside.png` });
    await page.context().close();
  });

  test('a rail route is drawn in its colour, found by hover and click beside it, drawn wider when selected, gone when switched off', async () => {
    const { route, mid } = longestRail;
    const { page } = await openApp(browser, { hash: `#v=1&map=7.00/${mid[1].toFixed(4)}/${mid[0].toFixed(4)}&layers=rail` });
    const p = await project(page, mid[0], mid[1]);
    const box = { x: p.x - 15, y: p.y - 15, width: 30, height: 30 };
    const brown = async () => (await pixels(page, box)).filter(isRailBrown).length;
    const plain = await brown();
    assert.ok(plain > 20, `the route is drawn through its midpoint: ${plain} brown pixels`);
    const tip = page.locator('.map-tooltip').filter({ hasText: route.properties.name });
    await page.mouse.move(p.x + 3, p.y + 3);
    await tip.waitFor();
    await page.mouse.click(p.x + 3, p.y + 3);
    await page.waitForFunction((id) => (window.__corridorWatch!.state() as Cam).selection.featureId === id, route.properties.id);
    await page.mouse.move(5, 5);
    await waitIdle(page);
    const selected = await brown();
    assert.ok(selected > plain * 1.3, `the selected route is drawn wider: ${selected} brown pixels, ${plain} before`);
    await page.screenshot({ path: `${SHOTS}/view-route-selected.png` });
    await page.locator('input[data-layer="rail"]').uncheck();
    await waitIdle(page);
    assert.ok((await brown()) < 5, 'switched off, the route is not drawn');
    assert.equal(await page.evaluate(([x, y]) => window.__corridorWatch!.pick(x!, y!, 3), [p.x, p.y]), null);
    await page.context().close();
  });

  test('without the basemap file the routes are still drawn on the plain sea colour, and the map counts as drawn', async () => {
    const { page, consoleErrors } = await openApp(browser, {
      hash: `#v=1&map=7.00/${longestRail.mid[1].toFixed(4)}/${longestRail.mid[0].toFixed(4)}&layers=rail`,
      setup: async (pg) => void (await pg.route(/countries-50m[^/]*\.json$/, (r) => r.fulfill({ status: 404, body: 'gone' }))),
    });
    await page.getByText(/The basemap could not be loaded \(Error: HTTP 404\)/).waitFor();
    const p = await project(page, longestRail.mid[0], longestRail.mid[1]);
    const px = await pixels(page, { x: p.x - 15, y: p.y - 15, width: 30, height: 30 });
    assert.ok(px.filter(isRailBrown).length > 20, 'the route is drawn through its midpoint');
    // Away from the route: the plain background is the basemap's sea colour (#c9d6e0), no land.
    assert.ok(colourDistance(await pixelAt(page, p.x + 200, p.y + 200), hexToRgb('#c9d6e0')) < 12);
    // openApp waited for the map to report itself idle: without the basemap that is the plain style drawn
    // (what the metrics join waits for before it starts), not a basemap that will never come.
    assert.equal(await page.evaluate(() => window.__corridorWatch!.isIdle()), true);
    assert.deepEqual(consoleErrors.filter((e) => !/404/.test(e)), []);
    await page.screenshot({ path: `${SHOTS}/view-no-basemap.png` });
    await page.context().close();
  });

  test('Find a place, by keyboard alone: type, arrow, Enter frames Khasan and opens its details', async () => {
    const { page } = await openApp(browser, { bypassCSP: true });
    const box = page.getByRole('combobox', { name: 'Find a place' });
    await box.focus();
    await page.keyboard.type('khas');
    const list = page.getByRole('listbox', { name: 'Places found' });
    await list.waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    assert.match((await list.getByRole('option').first().textContent()) ?? '', /Khasan station/);
    assert.deepEqual(await axeAudit(page), []);
    await page.screenshot({ path: `${SHOTS}/view-search-open.png` });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp'); // back to the first: the keys wrap and move the active option
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window.__corridorWatch!.state() as { camera: { zoom: number } }).camera.zoom >= 8.9);
    await waitIdle(page);
    const s = await storeState<Cam>(page);
    const [lon, lat] = node('khasan');
    assert.ok(Math.abs(s.camera.lon - lon) < 0.01 && Math.abs(s.camera.lat - lat) < 0.01, `camera ${JSON.stringify(s.camera)}`);
    assert.equal(s.selection.featureId, 'khasan');
    await page.locator('article.details').getByText('Khasan station').first().waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await page.screenshot({ path: `${SHOTS}/view-search-framed.png` });
    await page.context().close();
  });

  test('Find a place with the mouse: an area is framed to its outline', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('combobox', { name: 'Find a place' }).fill('sudzha');
    await page.getByRole('option', { name: /Kursk combat area/ }).click();
    await page.waitForFunction(() => (window.__corridorWatch!.state() as { selection: { featureId: string } }).selection.featureId === 'area-kursk-combat');
    await page.waitForFunction(() => (window.__corridorWatch!.state() as { camera: { zoom: number } }).camera.zoom > 7);
    await waitIdle(page);
    const b = (await page.evaluate(() => (window.__corridorWatch!.state() as { viewBounds: number[] }).viewBounds))!;
    // Every vertex of the area's outline, read from the file, lies inside the framed view.
    const area = features<AreaFeature>('areas.geojson').find((a) => a.properties.id === 'area-kursk-combat')!;
    for (const [x, y] of (area.geometry.coordinates as [number, number][][]).flat()) {
      assert.ok(x >= b[0]! && x <= b[2]! && y >= b[1]! && y <= b[3]!, `outline point ${x},${y} outside ${b}`);
    }
    await page.context().close();
  });

  test('selecting a corridor in the Corridors tab frames its route', async () => {
    const route = routes.find((r) => r.properties.id === 'rail-rajin-ussuriysk')!;
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: 'Corridors' }).click();
    const zoom0 = (await storeState<Cam>(page)).camera.zoom;
    await page.locator(`[data-corridor="${route.properties.id}"]`).click();
    await page.waitForFunction((z) => (window.__corridorWatch!.state() as { camera: { zoom: number } }).camera.zoom > z + 2, zoom0);
    await waitIdle(page);
    const b = (await page.evaluate(() => (window.__corridorWatch!.state() as { viewBounds: number[] }).viewBounds))!;
    for (const [x, y] of route.geometry.coordinates as [number, number][]) {
      assert.ok(x >= b[0]! && x <= b[2]! && y >= b[1]! && y <= b[3]!, `route point ${x},${y} outside ${b}`);
    }
    await page.screenshot({ path: `${SHOTS}/view-corridor-framed.png` });
    await page.context().close();
  });

  test('"in view" counts the reports inside the map; the filter count beside it stays the total', async () => {
    const { page } = await openApp(browser, { hash: '#v=1&map=8.00/51.2000/35.4000' });
    const b = (await page.evaluate(() => (window.__corridorWatch!.state() as { viewBounds: number[] }).viewBounds))!;
    const expected = sightings.filter(({ geometry: { coordinates: [x, y] } }) => x! >= b[0]! && x! <= b[2]! && y! >= b[1]! && y! <= b[3]!).length;
    assert.ok(expected > 0 && expected < sightings.length);
    assert.equal(await inViewCount(page), expected);
    assert.equal(await visibleCount(page), sightings.length);
    await page.screenshot({ path: `${SHOTS}/view-in-view.png` });
    await page.context().close();
  });
});

describe('dates and statuses as the data says them', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('a month-only report reads 2024-10-style in the table, the details and the tooltip', async () => {
    const monthOnly = sightings.filter((s) => s.properties.date.length === 7).sort((a, b) => a.properties.id.localeCompare(b.properties.id))[0]!;
    const { page } = await openApp(browser);
    await page.getByRole('combobox', { name: 'Find a place' }).fill(''); // nothing: the search is for places
    await page.getByLabel('Search names and summaries').fill(monthOnly.properties.name);
    await page.getByRole('button', { name: 'Table' }).click();
    const cell = page.getByRole('row').nth(1).getByRole('gridcell').first();
    assert.equal(await cell.textContent(), monthOnly.properties.date);
    await page.getByRole('row').nth(1).click();
    await page.locator('article.details').getByText(monthOnly.properties.date, { exact: true }).first().waitFor();
    await waitIdle(page);
    const [x, y] = monthOnly.geometry.coordinates as [number, number];
    const p = await project(page, x, y);
    await page.mouse.move(p.x, p.y);
    const tip = page.locator('.map-tooltip');
    await tip.waitFor();
    assert.match((await tip.textContent()) ?? '', new RegExp(`^${monthOnly.properties.date} ·`));
    await page.screenshot({ path: `${SHOTS}/view-month-only.png` });
    await page.context().close();
  });

  test('an indicator with no value reads "No reading", never "Quiet"', async () => {
    // A window before the data: no indicator can be computed.
    const { page } = await openApp(browser, { hash: '#v=1&from=1995-01-01&to=1995-12-31&tab=scenarios' });
    await page.locator('.indicator').first().waitFor();
    const rows = await page.locator('.indicator-head').evaluateAll((els) =>
      els.map((el) => ({ badge: el.querySelector('.badge')!.textContent, value: el.querySelector('.indicator-value')!.textContent })),
    );
    const na = rows.filter((r) => r.value === 'n/a');
    assert.ok(na.length > 0, 'some indicator has no value in 1995');
    assert.deepEqual(na.filter((r) => r.badge === 'Quiet'), []);
    assert.ok(na.every((r) => r.badge === 'No reading'));
    await page.screenshot({ path: `${SHOTS}/view-no-reading.png` });
    await page.context().close();
  });
});
