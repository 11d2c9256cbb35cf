import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { orderReleases } from '../../src/domain/releaseRebuild';
import { readManifests } from '../../scripts/lib/releases';
import { launch, openApp, visibleCount } from './harness';
import { sightings } from './support/geodata';

const { releases } = orderReleases(readManifests().map((m) => m.json));
const newest = releases[releases.length - 1]!;

describe('geodata release', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  test('the page computes the data version of the newest release manifest from the files it fetches', async () => {
    const { page } = await openApp(browser);
    await page.waitForURL((u) => /[#&]d=[0-9a-f]{8}/.test(u.hash));
    const d = /[#&]d=([0-9a-f]{8})/.exec(new URL(page.url()).hash)![1];
    assert.equal(d, newest.version);
    assert.equal(await visibleCount(page), newest.features.sightings.length);
    assert.equal(sightings.length, newest.features.sightings.length);
    await page.context().close();
  });
});
