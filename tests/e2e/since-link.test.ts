import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { readManifests } from '../../scripts/lib/releases';
import { SHOTS, launch, openApp, visibleCount, waitForCount } from './harness';
import { day, sightings } from './support/geodata';

// The expected changes come straight from the manifests: per report id, its content hash in the link's
// release against the newest one (added: only in the newest; withdrawn: only in the old; corrected: both,
// with another hash).
type Manifest = { sequence: number; version: string; features: { sightings: [string, string][] } };
const manifests = readManifests().map((m) => m.json as Manifest).sort((a, b) => a.sequence - b.sequence);
const newest = manifests[manifests.length - 1]!;

function expectedSince(old: Manifest) {
  const was = new Map(old.features.sightings);
  const now = new Map(newest.features.sightings);
  return {
    added: [...now.keys()].filter((id) => !was.has(id)).sort(),
    corrected: [...now.keys()].filter((id) => was.has(id) && was.get(id) !== now.get(id)).sort(),
    withdrawn: [...was.keys()].filter((id) => !now.has(id)).sort(),
  };
}

describe('since this link', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  for (const old of manifests.slice(0, -1)) {
    test(`a link made with release ${old.sequence} (${old.version}) lists what was added, corrected and withdrawn since`, async () => {
      const want = expectedSince(old);
      const { page, consoleErrors } = await openApp(browser, { hash: `#v=1&d=${old.version}&tab=scenarios` });
      const summary = page.getByTestId('since-summary');
      await summary.waitFor({ timeout: 20_000 });
      const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
      assert.equal(
        await summary.textContent(),
        `Since this link: ${n(want.added.length, 'report', 'reports')} added, ${want.corrected.length} corrected, ${want.withdrawn.length} withdrawn`,
      );
      // No "made with other data" notice: the comparison says more.
      assert.equal(await page.getByText('This link was made with other data').count(), 0);

      await page.getByRole('button', { name: 'List the changes' }).click();
      const listed = (kind: string) =>
        page.evaluate((k) => [...document.querySelectorAll(`li[data-change="${k}"]`)].map((e) => e.getAttribute('data-id')!).sort(), kind);
      assert.deepEqual(await listed('added'), want.added);
      assert.deepEqual(await listed('corrected'), want.corrected);
      assert.deepEqual(await listed('withdrawn'), want.withdrawn);

      // The scenario panel shows how each score moved from the link's release to this one.
      await page.getByTestId('score-since-S1').waitFor({ timeout: 30_000 });
      assert.match((await page.getByTestId('score-since-S1').textContent()) ?? '', /release/);
      await page.screenshot({ path: `${SHOTS}/since-link-release-${old.sequence}.png` });

      // "Show only what changed": the map and table keep the added and corrected reports in the window.
      const { from, to } = await page.evaluate(() => (window.__corridorWatch!.state() as { filters: { from: string; to: string } }).filters);
      const changed = new Set([...want.added, ...want.corrected]);
      const inWindow = sightings.filter((s) => changed.has(s.properties.id) && day(s.properties.date) >= day(from) && day(s.properties.date) <= day(to)).length;
      const all = await visibleCount(page);
      await page.getByLabel('Show only what changed (map and table)').check();
      await waitForCount(page, inWindow);
      await page.getByLabel('Show only what changed (map and table)').uncheck();
      await waitForCount(page, all);
      assert.deepEqual(consoleErrors, []);
      await page.context().close();
    });
  }

  test('a link with an unknown data version says so, as before', async () => {
    const { page } = await openApp(browser, { hash: '#v=1&d=0badc0de' });
    await page.getByText('This link was made with other data (version 0badc0de').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId('since-summary').count(), 0);
    await page.context().close();
  });
});
