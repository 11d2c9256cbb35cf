/**
 * What we export comes back without loss or doubling, through the real UI: the sightings GeoJSON and
 * CSV downloaded from the Export menu, passed through GDAL (GeoJSON → GeoPackage → GeoJSON, as a QGIS
 * user would), imported again — every report is recognised as already loaded ("0 new reports; N
 * already loaded") and the map's count stays. A report whose text holds markup and a `javascript:`
 * "link", exported as KML and GeoJSON, reads back through GDAL (`ogrinfo`) and an XML parser as text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, launch, openApp, visibleCount } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'cw-e2e-gdal-'));

function ogr(tool: 'ogr2ogr' | 'ogrinfo', args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${tool} failed: ${r.stderr}`);
  return r.stdout;
}

async function download(page: Page, item: string): Promise<{ name: string; path: string }> {
  await page.getByRole('button', { name: /^Export/ }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: item }).click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), path };
}

const countOf = async (page: Page) => visibleCount(page);

/** Import a file through the picker and return the review's counts line. */
async function reimport(page: Page, path: string, name: string): Promise<string> {
  await page.getByTestId('import-file').setInputFiles(path);
  const dialog = page.getByRole('dialog', { name: `Review ${name}` });
  await dialog.waitFor();
  const counts = (await dialog.getByTestId('import-counts').textContent()) ?? '';
  await page.screenshot({ path: `${SHOTS}/reimport-${name.replace(/[^a-z0-9.-]+/gi, '_')}.png` });
  // Our GeoJSON carries the view it was exported from (kept through GDAL), so the review offers it.
  await dialog.getByRole('button', { name: /^Nothing new: (close|open the view)$/ }).click();
  await dialog.waitFor({ state: 'detached' });
  return counts;
}

describe('exports come back whole', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the sightings GeoJSON after a GDAL GeoPackage round trip, and the CSV, import as already loaded', async () => {
    const { page } = await openApp(browser);
    const start = await countOf(page);
    assert.ok(start > 50, `expected the bundled reports on the map, got ${start}`);

    const geo = await download(page, 'Sightings — GeoJSON');
    ogr('ogr2ogr', ['-f', 'GPKG', join(dir, 'layer.gpkg'), geo.path]);
    ogr('ogr2ogr', ['-f', 'GeoJSON', join(dir, 'after-gpkg.geojson'), join(dir, 'layer.gpkg')]);
    const afterGpkg = readFileSync(join(dir, 'after-gpkg.geojson'), 'utf8');
    assert.match(afterGpkg, /"sources": "\(\d+:/, 'GDAL should have written the id list as list text');
    assert.equal(await reimport(page, join(dir, 'after-gpkg.geojson'), 'after-gpkg.geojson'), `0 new reports; ${start} already loaded.`);
    assert.equal(await countOf(page), start);

    const csv = await download(page, 'Sightings — CSV table');
    assert.equal(await reimport(page, csv.path, csv.name), `0 new reports; ${start} already loaded.`);
    assert.equal(await countOf(page), start);
    await page.context().close();
  });

  test('markup in an imported report stays text in the KML and GeoJSON exports, for GDAL and an XML parser', async () => {
    const { page } = await openApp(browser);
    const start = await countOf(page);
    const csv =
      'id,lat,lon,date,category,confidence,name,summary,source_1_publisher,source_1_url\n' +
      'x-1,43.11,131.89,2024-10-08,training,low,"<img src=x onerror=window.__pwned=1>","<a href=""javascript:window.__pwned=2"">see</a> <script>window.__pwned=3</script>",<b>Wire</b>,javascript:window.__pwned=4\n';
    await page.getByTestId('import-file').setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Imported 1 report from hostile.csv').waitFor();
    await page.waitForFunction((n) => Number((document.querySelector('[data-testid="visible-count"]')?.textContent ?? '').replace(/[^0-9]/g, '')) === n, start + 1);

    const kml = await download(page, 'Visible layers — KML');
    const text = readFileSync(kml.path, 'utf8');
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    const all = Array.from(doc.getElementsByTagName('*'));
    assert.ok(!all.some((e) => ['img', 'a', 'script', 'b'].includes(e.tagName)), 'an element came from a report');
    for (const e of all.filter((x) => ['name', 'description', 'value'].includes(x.tagName))) assert.doesNotMatch(e.textContent ?? '', /[<>]/);
    const info = ogr('ogrinfo', ['-al', '-q', kml.path]);
    assert.match(info, /&lt;img src=x onerror=window.__pwned=1&gt;/);
    assert.doesNotMatch(info, /<img|<a |<script|<b>/);

    const geo = await download(page, 'Sightings — GeoJSON');
    const geoInfo = ogr('ogrinfo', ['-al', '-q', '-where', "id = 'imp-x-1'", geo.path]);
    assert.match(geoInfo, /name \(String\) = <img src=x onerror=window.__pwned=1>/);
    assert.doesNotMatch(geoInfo, /source_1_url \(String\) = javascript/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.context().close();
  });
});
