import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { SightingFeature } from '../../src/domain/schemas';
import { colourDistance, launch, openApp, pixels, project, SHOTS, waitForCorridorCount, waitIdle } from './harness';
import { corridorOf, countsIn, day, routes, sightings } from './support/geodata';

// Expected counts come from the data files: the corridor polygons the engine builds (leg-by-leg
// buffers), then a brute-force point-in-polygon over every sighting (with the location-precision rule)
// and a date filter written here.
const FROM = '2023-07-01';
const TO = '2025-12-31';

function expectedCount(routeId: string, widthKm: number, from: string, to: string): number {
  const corridor = corridorOf(routeId, widthKm);
  return sightings.filter((s: SightingFeature) => {
    const d = day(s.properties.date);
    return d >= day(from) && d <= day(to) && countsIn(corridor, s);
  }).length;
}

// The Trans-Siberian leg with the most sightings in the default window whose count grows at 100 km.
const legs = routes.filter((r) => r.properties.id.startsWith('rail-ts-')).map((r) => r.properties.id);
const scored = legs.map((id) => ({ id, n25: expectedCount(id, 25, FROM, TO), n100: expectedCount(id, 100, FROM, TO) }));
const leg = scored.filter((l) => l.n25 > 0 && l.n100 !== l.n25).sort((a, b) => b.n25 - a.n25)[0]!;
const legRoute = routes.find((r) => r.properties.id === leg.id)!;
const mid = legRoute.geometry.coordinates[Math.floor(legRoute.geometry.coordinates.length / 2)]!;

async function corridorCount(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(`corridor-count-${id}`).textContent());
}

describe('corridor and scenario panels', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('a Trans-Siberian leg: count from the data, polygon on the map, live width and window changes', async () => {
    assert.ok(leg, 'the data should have a Trans-Siberian leg with sightings');
    const { page, consoleErrors } = await openApp(browser, { hash: `#v=1&map=7/${mid[1]!.toFixed(4)}/${mid[0]!.toFixed(4)}` });
    await page.getByRole('tab', { name: 'Corridors' }).click();
    await waitForCorridorCount(page, leg.id, leg.n25);
    assert.equal(await corridorCount(page, leg.id), leg.n25);

    // Points 12 km north and south of a route vertex lie inside the 25 km corridor.
    const probes = [0.108, -0.108].map((dLat) => [mid[0]!, mid[1]! + dLat] as const);
    const pickAll = () => Promise.all(probes.map(async ([lo, la]) => {
      const p = await project(page, lo, la);
      return page.evaluate(([x, y]) => window.__corridorWatch!.pick(x!, y!, 0)?.layer ?? null, [p.x, p.y]);
    }));
    assert.ok(!(await pickAll()).includes('corridor'), 'no corridor drawn before one is selected');
    await page.locator('.rightpanel').screenshot({ path: `${SHOTS}/corridor-list.png` });
    await page.locator(`button[data-corridor="${leg.id}"]`).click();
    await page.getByTestId('detail-count').waitFor();
    await waitIdle(page);
    assert.ok((await pickAll()).includes('corridor'), 'the selected corridor polygon is drawn inside the buffer');
    const state = await page.evaluate(() => (window.__corridorWatch!.state() as { selection: { corridorId: string } }).selection.corridorId);
    assert.equal(state, leg.id);
    assert.ok(await page.getByRole('img', { name: /Weekly counts/ }).isVisible(), 'sparkline with a text alternative');
    await page.locator('.along-strip circle').first().waitFor();

    await page.getByLabel('Corridor half-width, km').fill('100');
    await waitForCorridorCount(page, leg.id, leg.n100);
    assert.equal(await page.getByTestId('detail-count').textContent(), String(leg.n100));

    const from = '2024-10-01';
    const nWindow = expectedCount(leg.id, 100, from, TO);
    assert.notEqual(nWindow, leg.n100, 'the test window should change the count');
    await page.getByLabel('From date').fill(from);
    await waitForCorridorCount(page, leg.id, nWindow);
    await waitIdle(page);
    await page.locator('.rightpanel').screenshot({ path: `${SHOTS}/corridor-panel.png` });
    await page.screenshot({ path: `${SHOTS}/corridor-map.png` });
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('four scenarios with their score arithmetic; an indicator rings its evidence and lists it', async () => {
    const { page, consoleErrors } = await openApp(browser);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    const sections = page.locator('section[data-scenario]');
    await sections.first().waitFor();
    assert.equal(await sections.count(), 4);
    for (let k = 0; k < 4; k++) {
      const table = sections.nth(k).locator('table.score-table');
      const terms = (await table.locator('tbody td.num').allTextContents()).map((t) => Number(t.replace('−', '-')));
      const [posterior, probability] = await table.locator('tfoot td.num').allTextContents();
      const sum = terms.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - Number(posterior!.replace('−', '-'))) <= 0.006 * terms.length, `terms add up to the posterior (${terms} vs ${posterior})`);
      const p = Math.round(100 / (1 + Math.exp(-Number(posterior!.replace('−', '-')))));
      assert.ok(Math.abs(p - Number(probability!.replace(/[^0-9]/g, ''))) <= 1, `probability ${probability} is the logistic of ${posterior}`);
    }
    const model = JSON.parse(readFileSync('geodata/scenarios.json', 'utf8')) as { likelihoodPrior: Record<string, number> };
    const s1Prior = Math.log(model.likelihoodPrior.high! / (1 - model.likelihoodPrior.high!));
    assert.equal(await sections.first().locator('tbody td.num').first().textContent(), `+${s1Prior.toFixed(2)}`);

    // An indicator with evidence: pick it from what the panel shows, then check the map and the list.
    const ind = await page.evaluate(() => {
      const s = window.__corridorWatch!.state() as { results: { scenarios: { indicators: { id: string; owner: string; evidence: string[] }[] } } };
      return s.results.scenarios.indicators.find((r) => r.owner.startsWith('S') && r.evidence.length > 0) ?? null;
    });
    assert.ok(ind, 'some scenario indicator should have evidence in the bundled data');
    const sighting = sightings.find((f) => f.properties.id === ind.evidence[0])!;
    const at = await project(page, sighting.geometry.coordinates[0]!, sighting.geometry.coordinates[1]!);
    const clip = { x: at.x - 16, y: at.y - 16, width: 32, height: 32 };
    const ring: [number, number, number] = [214, 0, 140];
    const ringPixels = async () => (await pixels(page, clip)).filter((px) => colourDistance(px, ring) < 30).length;
    assert.equal(await ringPixels(), 0, 'no evidence ring before the indicator is selected');
    await page.locator(`section[data-scenario="${ind.owner}"] button[data-indicator="${ind.id}"]`).click();
    const sel = await page.evaluate(() => (window.__corridorWatch!.state() as { selection: { indicatorId: string; scenarioId: string } }).selection);
    assert.equal(sel.indicatorId, ind.id);
    assert.equal(sel.scenarioId, ind.owner);
    const items = page.locator('.evidence-list li');
    assert.equal(await items.count(), ind.evidence.length);
    assert.ok(await items.first().getByText(sighting.properties.name, { exact: true }).isVisible());
    await waitIdle(page);
    assert.ok((await ringPixels()) > 5, 'the evidence sighting is ringed on the map');
    await page.locator('.rightpanel').screenshot({ path: `${SHOTS}/scenario-panel.png` });
    await page.screenshot({ path: `${SHOTS}/scenario-evidence-map.png` });
    await page.locator(`button[data-evidence="${sighting.properties.id}"]`).click();
    const featureId = await page.evaluate(() => (window.__corridorWatch!.state() as { selection: { featureId: string } }).selection.featureId);
    assert.equal(featureId, sighting.properties.id);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });

  test('an evidence ring over several reports at one point carries their count', async () => {
    const { page, consoleErrors } = await openApp(browser);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.locator('section[data-scenario]').first().waitFor();
    const indicators = await page.evaluate(() => {
      const s = window.__corridorWatch!.state() as { results: { scenarios: { indicators: { id: string; owner: string; evidence: string[] }[] } } };
      return s.results.scenarios.indicators;
    });
    const where = (id: string) => sightings.find((f) => f.properties.id === id)!.geometry.coordinates.join();
    // An indicator whose evidence holds two or more reports on one position (from the data file).
    const pick = indicators.map((r) => {
      const at = new Map<string, number>();
      for (const id of r.evidence) at.set(where(id), (at.get(where(id)) ?? 0) + 1);
      const top = [...at].sort((a, b) => b[1] - a[1])[0];
      return { r, pos: top?.[0], n: top?.[1] ?? 0 };
    }).find((x) => x.n >= 2 && x.r.owner.startsWith('S'));
    assert.ok(pick, 'some indicator has several evidence reports on one point');
    const [lon, lat] = pick.pos!.split(',').map(Number) as [number, number];
    await page.evaluate(([la, lo]) => { window.location.hash = `#v=1&map=8.00/${la!.toFixed(4)}/${lo!.toFixed(4)}&tab=scenarios`; }, [lat, lon]);
    await waitIdle(page);
    const ring: [number, number, number] = [214, 0, 140];
    // The evidence count sits up and to the left of the ring (the stack's own count is up and to the right):
    // ring-coloured pixels there, beyond the ring itself (radius 11 px, line 2.5 px).
    const countPixels = async () => {
      const c = await project(page, lon, lat);
      const box = { x: Math.round(c.x) - 22, y: Math.round(c.y) - 22, width: 18, height: 18 };
      return (await pixels(page, box)).filter((px, k) => {
        const dx = box.x + (k % box.width) - c.x, dy = box.y + Math.floor(k / box.width) - c.y;
        return Math.hypot(dx, dy) > 14 && colourDistance(px, ring) < 40;
      }).length;
    };
    assert.equal(await countPixels(), 0, 'no evidence count before the indicator is selected');
    await page.locator(`section[data-scenario="${pick.r.owner}"] button[data-indicator="${pick.r.id}"]`).click();
    await waitIdle(page);
    await page.screenshot({ path: `${SHOTS}/evidence-count.png` });
    assert.ok((await countPixels()) > 20, `the evidence ring carries a count badge (${await countPixels()} px)`);
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
