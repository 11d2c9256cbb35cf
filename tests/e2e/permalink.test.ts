import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { APP_URL, SHOTS, imageDiff, launch, openApp, project, storeState, visibleCount, waitIdle } from './harness';
import { isolatedSighting } from './support/geodata';

const target = isolatedSighting();

describe('permalinks', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('set filters, select, pan, share: the link opens the same state and the same picture', async () => {
    const { page } = await openApp(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(APP_URL).origin });
    await page.getByLabel('From date').fill('2024-01-01');
    await page.getByLabel('To date').fill('2025-06-30');
    await page.getByRole('button', { name: 'Only Moderate' }).click();
    // Pan: drag the map by 120 px.
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    await waitIdle(page);
    // Select a sighting by clicking it (it may be filtered out: select through the table instead).
    const p = await project(page, target.geometry.coordinates[0]!, target.geometry.coordinates[1]!);
    await page.mouse.click(p.x, p.y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.getByTestId('share').click();
    await page.getByText('Link to this view copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#v=1&map=/);
    // Move the pointer off the map so no hover ring or tooltip is in the picture.
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => (window.__corridorWatch!.state() as { hoverId: string | null }).hoverId === null);
    await waitIdle(page);
    const stateA = await storeState(page);
    const shotA = await page.locator('.map').screenshot({ path: `${SHOTS}/permalink-original-map.png` });

    const b = await openApp(browser, { hash: new URL(link).hash });
    // The link is applied at start-up; wait until the store holds it (the comparison below names any difference).
    const sorted = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));
    await b.page
      .waitForFunction(
        (want) => {
          const s = window.__corridorWatch!.state() as Record<string, unknown>;
          const now = { camera: s.camera, filters: s.filters, layers: s.layers, selection: s.selection };
          return JSON.stringify(JSON.parse(JSON.stringify(now)), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)) === want;
        },
        sorted(stateA),
        { timeout: 15_000 },
      )
      .catch(() => undefined);
    await waitIdle(b.page);
    const stateB = await storeState(b.page);
    assert.deepEqual(stateB, stateA);
    assert.equal(await visibleCount(b.page), await visibleCount(page));
    const shotB = await b.page.locator('.map').screenshot({ path: `${SHOTS}/permalink-restored-map.png` });
    await b.page.screenshot({ path: `${SHOTS}/permalink-restored.png` });
    const diff = await imageDiff(b.page, shotA, shotB);
    // Text glyphs anti-alias slightly differently between page loads; shapes, colours and positions must match.
    assert.ok(diff < 0.02, `screenshots differ in ${(diff * 100).toFixed(2)} % of pixels`);
    await b.page.context().close();
    await page.context().close();
  });

  test('Back and Forward step between deliberate changes', async () => {
    const { page } = await openApp(browser);
    await page.locator('input[data-layer="rail"]').uncheck();
    await page.waitForURL(/layers=/);
    const afterRail = page.url();
    await page.locator('input[data-layer="sea"]').uncheck();
    await page.waitForURL((u) => u.href !== afterRail);
    await page.goBack();
    await page.waitForFunction(() => (window.__corridorWatch!.state() as { layers: Record<string, boolean> }).layers.sea === true);
    const s = await storeState<{ layers: Record<string, boolean> }>(page);
    assert.equal(s.layers.rail, false);
    assert.equal(s.layers.sea, true);
    await page.context().close();
  });

  test('a link made with other data says so; a fresh link carries the current data version', async () => {
    const { page } = await openApp(browser, { hash: '#v=1&d=deadbeef' });
    await page.getByText(/This link was made with other data \(version deadbeef/).waitFor();
    // The link is rewritten with the version of the data now loaded.
    await page.waitForURL((u) => /[#&]d=[0-9a-f]{8}/.test(u.hash) && !u.hash.includes('d=deadbeef'));
    await page.context().close();
  });

  test('a garbage hash opens the app with a notice', async () => {
    const { page, consoleErrors } = await openApp(browser, { hash: '#v=1&map=banana&w=500&cat=artillery&%E0%A4%A=1&zzz' });
    assert.ok(await page.locator('.notice').first().isVisible());
    assert.match((await page.locator('.notice').first().textContent()) ?? '', /ignored/i);
    assert.deepEqual(consoleErrors, []);
    const s = await storeState<{ filters: { widthKm: number } }>(page);
    assert.equal(s.filters.widthKm, 25);
    await page.context().close();
  });

  test('a 1 MB hash opens the app with a notice', async () => {
    const { page, consoleErrors } = await openApp(browser, { hash: `#v=1&q=${'x'.repeat(1_000_000)}` });
    assert.ok(await page.locator('.notice').first().isVisible());
    assert.deepEqual(consoleErrors, []);
    assert.ok(await page.getByRole('heading', { name: 'Corridor Watch' }).isVisible());
    await page.context().close();
  });
});
