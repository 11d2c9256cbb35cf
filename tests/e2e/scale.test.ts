import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { SHOTS, launch, openApp, visibleCount } from './harness';
import { sightings } from './support/geodata';

const N = Number(process.env.SCALE_N ?? 1_000_000);

describe(`responsiveness with ${N.toLocaleString('en-GB')} synthetic sightings`, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('the slider still updates the count; main-thread time per step is reported', async () => {
    const { page, consoleErrors } = await openApp(browser, { search: `?synthetic=${N}&seed=1` });
    await page.waitForFunction((n) => {
      const t = document.querySelector('[data-testid="visible-count"]')?.textContent ?? '';
      return Number(t.replace(/[^0-9]/g, '')) >= n;
    }, N, { timeout: 120_000, polling: 250 });
    assert.equal(await visibleCount(page), N + sightings.length);
    await page.screenshot({ path: `${SHOTS}/scale-${N}.png` });

    // Step the window end back a month at a time through the slider, as a user dragging it would.
    const steps = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Window end"]')!;
      const out = document.querySelector('[data-testid="visible-count"]')!;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const rows: { syncMs: number; frameMs: number; count: string }[] = [];
      for (let k = 1; k <= 8; k++) {
        const t0 = performance.now();
        setter.call(input, String(Number(input.value) - 30));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        rows.push({ syncMs: t1 - t0, frameMs: performance.now() - t0, count: out.textContent ?? '' });
      }
      return rows;
    });
    const counts = steps.map((s) => Number(s.count.replace(/[^0-9]/g, '')));
    for (let i = 1; i < counts.length; i++) assert.ok(counts[i]! < counts[i - 1]!, `count did not fall at step ${i}: ${counts.join(', ')}`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `scale: ${N} synthetic points; per slider step main-thread handler median ${median(steps.map((s) => s.syncMs)).toFixed(1)} ms, to next frame median ${median(steps.map((s) => s.frameMs)).toFixed(1)} ms (software WebGL)`,
    );
    assert.deepEqual(consoleErrors, []);
    await page.context().close();
  });
});
