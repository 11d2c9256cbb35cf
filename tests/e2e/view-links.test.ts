/**
 * Links and the calendar in the real app: the camera a small window writes, the right-hand tab, dates
 * past the bundled data, a report of 2026 reached with the slider alone, notices that cover nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, colourDistance, launch, openApp, pixels, project, storeState, visibleCount, waitIdle } from './harness';
import { routes, sightings } from './support/geodata';

type Filters = { filters: { from: string; to: string } };

/** Waits until the address bar holds a link the app wrote, and returns its hash. */
async function writtenHash(page: Page): Promise<string> {
  await page.waitForURL((u) => u.hash.startsWith('#v=1&map='));
  return new URL(page.url()).hash;
}

const noticeTexts = (page: Page) => page.locator('.notice p').allTextContents();

describe('links and the calendar', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('at 800×500 the app writes a camera its own links accept, and that link opens without a notice', async () => {
    const { page } = await openApp(browser, { width: 800, height: 500 });
    const hash = await writtenHash(page);
    const zoom = Number(/map=(-?[\d.]+)\//.exec(hash)![1]);
    assert.ok(zoom >= 0 && zoom <= 24, `wrote zoom ${zoom}`);
    await page.screenshot({ path: `${SHOTS}/view-800x500.png` });
    const b = await openApp(browser, { width: 800, height: 500, hash });
    assert.deepEqual(await noticeTexts(b.page), []);
    assert.deepEqual((await storeState(b.page)).camera, (await storeState(page)).camera);
    await b.page.context().close();
    await page.context().close();
  });

  test('a Corridors view opens on Corridors; picking another tab goes into the link', async () => {
    const route = routes.find((r) => r.properties.mode === 'rail')!.properties.id;
    const { page } = await openApp(browser, { hash: `#v=1&cor=${route}&tab=corridors` });
    assert.equal(await page.getByRole('tab', { name: 'Corridors' }).getAttribute('aria-selected'), 'true');
    assert.deepEqual(await noticeTexts(page), []);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.waitForURL(/[#&]tab=scenarios/);
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.waitForURL((u) => !u.hash.includes('tab='));
    await page.context().close();
  });

  test('a link with to=2027-03-31 opens without a notice, the slider reaching that day, indicators as of it', async () => {
    const { page } = await openApp(browser, { hash: '#v=1&from=2025-01-01&to=2027-03-31&tab=scenarios' });
    assert.deepEqual(await noticeTexts(page), []);
    const s = await storeState<Filters>(page);
    assert.deepEqual([s.filters.from, s.filters.to], ['2025-01-01', '2027-03-31']);
    const end = page.getByLabel('Window end');
    assert.equal(await end.getAttribute('aria-valuetext'), '31 Mar 2027');
    assert.equal(await end.inputValue(), await end.getAttribute('max')); // the window's end is the slider's end
    // The scenario indicators are evaluated as of the window's end, whatever the calendar says today.
    await page.getByTestId('as-of').filter({ hasText: '2027-03-31' }).waitFor();
    await page.context().close();
  });

  test('a report of 2026-11-15 imported from a file shows after widening the window with the slider alone', async () => {
    const { page } = await openApp(browser);
    const before = await storeState<Filters>(page);
    assert.deepEqual([before.filters.from, before.filters.to], ['2023-07-01', '2025-12-31']); // the bundled months
    await page.getByTestId('import-file').setInputFiles('tests/fixtures/e2e/report-2026-11-15.csv');
    // The review says the report is after the window's end; import it without its Widen button.
    const review = page.getByRole('dialog', { name: 'Review report-2026-11-15.csv' });
    await review.waitFor();
    assert.match((await review.getByTestId('import-window').textContent()) ?? '', /1 report is after the window's end/);
    await review.getByRole('button', { name: 'Import 1 new report' }).click();
    await review.waitFor({ state: 'detached' });
    await page.getByText(/Imported 1 report/).waitFor();
    assert.equal(await visibleCount(page), sightings.length); // outside the window: not shown yet
    await waitIdle(page); // the notice took its strip above the map; the map has settled into the rest
    const at = await project(page, 103, 46.5);
    const box = { x: at.x - 6, y: at.y - 6, width: 13, height: 13 };
    const land = await pixels(page, box);

    // Only the slider: focus the end thumb and step it to the end of its range.
    const end = page.getByLabel('Window end');
    await end.focus();
    await end.press('End');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="visible-count"]')!.textContent!.replace(/[^0-9]/g, '')) === n, sightings.length + 1);
    const s = await storeState<Filters>(page);
    assert.ok(s.filters.to >= '2026-11-15', `window ends ${s.filters.to}`);
    await waitIdle(page);
    const drawn = await pixels(page, box);
    const changed = drawn.filter((p, i) => colourDistance(p, land[i]!) > 60).length;
    assert.ok(changed >= 12, `only ${changed} pixels changed where the imported report is`);
    await page.screenshot({ path: `${SHOTS}/view-imported-2026.png` });
    await page.context().close();
  });
});

describe('notices', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('a notice covers no control and blocks no click', async () => {
    const { page } = await openApp(browser, { hash: '#v=1&w=500&cat=artillery', width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Table' }).click();
    const notice = page.locator('.notices');
    await notice.waitFor();
    const nb = (await notice.boundingBox())!;
    // No control outside the notices overlaps them.
    const overlaps = await page.evaluate((n) => {
      const out: string[] = [];
      for (const el of document.querySelectorAll('button, input, select, a, [role="tab"], [role="grid"], .timebar, .table-panel')) {
        if (el.closest('.notices')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < n.x + n.width && r.right > n.x && r.top < n.y + n.height && r.bottom > n.y) out.push(el.outerHTML.slice(0, 80));
      }
      return out;
    }, nb);
    assert.deepEqual(overlaps, []);
    // Controls of the time bar (where notices used to float) take clicks while the notice shows.
    await page.getByRole('button', { name: 'Play: slide the window forward' }).click({ trial: false });
    assert.equal(await page.getByRole('button', { name: 'Pause playback' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Pause playback' }).click();
    await page.getByLabel('Playback step').selectOption('week');
    assert.ok(await notice.isVisible(), 'the notice is still there');
    await page.screenshot({ path: `${SHOTS}/view-notice.png` });
    await page.context().close();
  });
});
