import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { APP_URL, SHOTS, colourDistance, hexToRgb, launch, openApp, pixelAt, pixels, project, type Recorded } from './harness';
import { BASEMAP_COLOURS } from '../../src/map/basemap';

describe('the built app, offline, in Chromium', () => {
  let browser: Browser;
  let app: Recorded;
  before(async () => {
    browser = await launch();
    app = await openApp(browser);
    await app.page.screenshot({ path: `${SHOTS}/default-1440x900.png` });
  });
  after(async () => browser?.close());

  test('reaches map idle and draws land, sea and the three countries in their colours', async () => {
    // The basemap alone: a link with every overlay layer off, so no dot or label covers a probe.
    const { page } = await openApp(browser, { hash: '#v=1&layers=' });
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const at = async (lon: number, lat: number) => {
      const p = await project(page, lon, lat);
      assert.ok(p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height, `${lon},${lat} is off the map`);
      return pixelAt(page, p.x, p.y);
    };
    const near = (rgb: number[], hex: string, tol = 18) =>
      assert.ok(colourDistance(rgb, hexToRgb(hex)) < tol, `expected ~${hex}, got rgb(${rgb.join(',')})`);
    near(await at(100, 64), BASEMAP_COLOURS.rus); // central Siberia
    near(await at(132.5, 40), BASEMAP_COLOURS.sea); // Sea of Japan
    near(await at(127.0, 39.5), BASEMAP_COLOURS.prk); // DPRK interior, between Pyongyang and Wonsan
    near(await at(31.5, 49.0), BASEMAP_COLOURS.ukr); // central Ukraine
    await page.context().close();
  });

  test('draws the Russia–Mongolia border line', async () => {
    const { page } = app;
    // A vertical strip across the border at 104°E: some pixel must be close to the border colour.
    const top = await project(page, 104, 52.5);
    const bottom = await project(page, 104, 49.5);
    const strip = await pixels(page, { x: Math.round(top.x), y: Math.round(top.y), width: 1, height: Math.round(bottom.y - top.y) });
    const best = Math.min(...strip.map((rgb) => colourDistance(rgb, hexToRgb(BASEMAP_COLOURS.border))));
    assert.ok(best < 60, `no border-coloured pixel in the strip (closest distance ${best.toFixed(1)})`);
  });

  test('no console errors, and no request leaves the app origin', async () => {
    assert.deepEqual(app.consoleErrors, []);
    const origin = new URL(APP_URL).origin;
    const foreign = app.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, []);
    assert.ok(app.requests.length > 0);
  });

  test('has a title, a visible app name and a labelled map canvas', async () => {
    const { page } = app;
    assert.match(await page.title(), /Corridor Watch/);
    assert.ok(await page.getByRole('heading', { name: 'Corridor Watch' }).isVisible());
    const label = await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label');
    assert.ok(label && label.length > 5, 'map canvas has an accessible label');
  });

  // Software WebGL draws a frame of many points in seconds: a frame drawn again only because the map's
  // size changed after it (the canvas's first size notices, a notice strip appearing) doubles that.
  for (const n of [0, 20_000]) {
    test(`draws the ${n ? `${n.toLocaleString('en-GB')} synthetic points and the ` : ''}bundled sightings in one deck.gl frame at load`, async () => {
      // The map's sizes as they change (page time), for the message if a frame is drawn again.
      const sizes = `window.__mapSizes = []; (function watch() {
        const m = document.querySelector('[data-testid=map]');
        if (!m) return setTimeout(watch, 5);
        new ResizeObserver((es) => es.forEach((e) => window.__mapSizes.push(Math.round(performance.now()) + ' ms: ' + Math.round(e.contentRect.width) + 'x' + Math.round(e.contentRect.height)))).observe(m);
      })();`;
      const { page, consoleErrors } = await openApp(browser, { ...(n ? { search: `?synthetic=${n}&seed=1` } : {}), setup: async (p) => { await p.addInitScript({ content: sizes }); } });
      // Settled: every point in the count, the metrics in, and a few more frames for a late redraw to show.
      const settled = () =>
        page.waitForFunction(() => (window.__corridorWatch!.state() as { results: { status: string; window: unknown } }).results.window !== null, undefined, { timeout: 120_000, polling: 100 });
      await settled();
      await page.evaluate(async () => {
        for (let k = 0; k < 10; k++) await new Promise((r) => requestAnimationFrame(r));
      });
      const frames = await page.evaluate(() => window.__corridorWatch!.deckFrames().map((f) => `${Math.round(f.t)} ms: ${f.points}`));
      const points = frames.map((f) => Number(f.split(': ')[1]));
      const all = Math.max(...points);
      assert.ok(all >= n + 100, `a frame holds every point (${all})`);
      const mapSizes = await page.evaluate(() => (window as unknown as { __mapSizes: string[] }).__mapSizes);
      assert.equal(points.filter((p) => p === all).length, 1, `deck.gl frames (points drawn): ${frames.join(', ')}; map sizes: ${mapSizes.join(', ')}`);
      if (n) assert.match(await page.locator('.notices').innerText(), new RegExp(`Synthetic benchmark data: ${n.toLocaleString('en-GB')} points \\(seed 1\\) in \\d+ ms\\. Not reports\\.`));
      assert.deepEqual(consoleErrors, []);
      await page.context().close();
    });
  }

  test('time from navigation to map idle, median of 5 loads (printed)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      const { page, consoleErrors } = await openApp(browser);
      times.push(Date.now() - t0);
      assert.deepEqual(consoleErrors, [], `load ${i + 1}`);
      await page.context().close();
    }
    times.sort((a, b) => a - b);
    console.log(`navigation → map idle: median ${times[2]} ms (min ${times[0]}, max ${times[4]}; software WebGL)`);
  });
});
