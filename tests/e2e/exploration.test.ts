import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, launch, openApp, project, visibleCount, waitIdle, axeAudit } from './harness';
import { day, isolatedSighting, sightings, sources } from './support/geodata';

const target = isolatedSighting();
const [tLon, tLat] = target.geometry.coordinates as [number, number];

async function pickAt(page: Page, lon: number, lat: number) {
  const p = await project(page, lon, lat);
  return page.evaluate(([x, y]) => window.__corridorWatch!.pick(x!, y!, 3), [p.x, p.y]);
}

describe('exploring the map', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('toggling the sightings layer off removes its dots (picking finds nothing there)', async () => {
    const { page } = await openApp(browser);
    const before = await pickAt(page, tLon, tLat);
    assert.equal(before?.id, target.properties.id, `expected to pick ${target.properties.id}`);
    await page.locator('input[data-layer="sightings"]').uncheck();
    await waitIdle(page);
    const after = await pickAt(page, tLon, tLat);
    assert.ok(!after || !after.layer.startsWith('sightings'), `still picked ${JSON.stringify(after)}`);
    await page.context().close();
  });

  test('a date range and a category give the count computed from the data file', async () => {
    const { page } = await openApp(browser);
    assert.equal(await visibleCount(page), sightings.length);
    const from = '2024-10-01';
    const to = '2025-03-31';
    await page.getByLabel('From date').fill(from);
    await page.getByLabel('To date').fill(to);
    await page.getByRole('button', { name: 'Only Training' }).click();
    const expected = sightings.filter(
      (s) => s.properties.category === 'training' && day(s.properties.date) >= day(from) && day(s.properties.date) <= day(to),
    ).length;
    assert.ok(expected > 0, 'the fixture window should contain training reports');
    assert.equal(await visibleCount(page), expected);
    await page.context().close();
  });

  test('clicking a sighting shows its summary, its publisher and a safe source link', async () => {
    const { page } = await openApp(browser);
    const p = await project(page, tLon, tLat);
    await page.mouse.click(p.x, p.y);
    const details = page.locator('article.details');
    await details.waitFor();
    assert.ok(await details.getByText(target.properties.summary, { exact: true }).isVisible());
    const publisher = sources.get(target.properties.sources[0]!)!.publisher;
    assert.ok(await details.getByText(publisher, { exact: true }).first().isVisible());
    const links = details.locator('a');
    for (let i = 0; i < (await links.count()); i++) {
      const a = links.nth(i);
      assert.equal(await a.getAttribute('rel'), 'noopener noreferrer');
      assert.equal(await a.getAttribute('target'), '_blank');
      assert.match((await a.getAttribute('href')) ?? '', /^https?:\/\//);
    }
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('a hostile summary renders as text and runs nothing', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const raw = JSON.parse(readFileSync('geodata/sightings.geojson', 'utf8')) as { features: { properties: { id: string; summary: string; name: string } }[] };
    for (const f of raw.features) if (f.properties.id === target.properties.id) {
      f.properties.summary = hostile;
      f.properties.name = `<b onmouseover="window.__pwned=2">bold</b>`;
    }
    const { page } = await openApp(browser, {
      setup: async (pg) => {
        await pg.route(/\/sightings-[^/]*\.geojson$/, (route) => route.fulfill({ body: JSON.stringify(raw), contentType: 'application/json' }));
      },
    });
    const p = await project(page, tLon, tLat);
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
    const details = page.locator('article.details');
    await details.waitFor();
    assert.ok(await details.getByText(hostile, { exact: true }).isVisible());
    assert.equal(await details.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.context().close();
  });

  test('axe finds no serious or critical violations: default view, details, corridors and scenarios panels', async () => {
    const { page } = await openApp(browser, { bypassCSP: true });
    const audit = () => axeAudit(page);
    assert.deepEqual(await audit(), []);
    const p = await project(page, tLon, tLat);
    await page.mouse.click(p.x, p.y);
    await page.locator('article.details').waitFor();
    assert.deepEqual(await audit(), []);
    for (const tab of ['Corridors', 'Scenarios']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('heading', { name: tab, exact: true }).waitFor();
      assert.deepEqual(await audit(), [], `${tab} panel`);
    }
    await page.context().close();
  });

  test('screenshots at desktop and phone sizes', async () => {
    const desk = await openApp(browser, { width: 1440, height: 900 });
    await desk.page.screenshot({ path: `${SHOTS}/explore-1440x900.png` });
    await desk.page.context().close();
    const phone = await openApp(browser, { width: 390, height: 844 });
    await phone.page.screenshot({ path: `${SHOTS}/explore-390x844.png` });
    // On a phone the layers and filters live in a drawer.
    await phone.page.getByRole('button', { name: 'Layers and filters' }).click();
    assert.ok(await phone.page.getByRole('heading', { name: 'Filters' }).isVisible());
    await phone.page.screenshot({ path: `${SHOTS}/explore-390x844-drawer.png` });
    await phone.page.context().close();
  });

  test('at 800×500 the map keeps most of the width; layers and filters open as a drawer', async () => {
    const { page } = await openApp(browser, { width: 800, height: 500 });
    const map = await page.locator('.center .map').boundingBox();
    assert.ok(map && map.width >= 0.4 * 800, `map is ${map?.width} px wide at 800 px`);
    const side = await page.locator('#sidebar').boundingBox();
    assert.ok(side && side.x + side.width <= 0, `closed drawer still covers the map: ${JSON.stringify(side)}`);
    await page.getByRole('button', { name: 'Layers and filters' }).click();
    const filters = page.getByRole('heading', { name: 'Filters' });
    await filters.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.getElementById('sidebar')!.getBoundingClientRect().x >= 0);
    await page.screenshot({ path: `${SHOTS}/explore-800x500-drawer.png` });
    await page.getByRole('button', { name: 'Layers and filters' }).click();
    await page.waitForFunction(() => document.getElementById('sidebar')!.getBoundingClientRect().right <= 0);
    await page.screenshot({ path: `${SHOTS}/explore-800x500.png` });
    await page.context().close();
  });
});
