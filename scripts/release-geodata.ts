/**
 * Cut a geodata release: write geodata/releases/<version>.json for the files as they are now.
 *
 *   npm run geodata:release                      # released today (UTC)
 *   npm run geodata:release -- --date 2026-12-01
 *   npm run geodata:release -- --amend           # redo the newest release (only while it is not on main)
 *
 * The files must load without errors. The earlier content of every record the release corrects or
 * withdraws is taken from the previous release's files, found in git history by their data version —
 * so commit the data of each release before changing it again. tests/unit/geodata-release.test.ts fails
 * while the files differ from the newest manifest.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGeodata } from '../src/domain/load';
import { RELEASE_COLLECTIONS, buildManifest, contentOfFiles, dataVersion, type ReleaseContent, type ReleaseManifest } from '../src/domain/release';
import { countChanges, diffReleases } from '../src/domain/releaseDiff';
import { orderReleases } from '../src/domain/releaseRebuild';
import { IsoDate } from '../src/domain/schemas';
import { RELEASES_DIR, contentFromGit, existsOn, filesOfTexts, formatManifest, manifestFile, readManifests, readTexts } from './lib/releases';

function fail(message: string): never {
  console.error(`geodata:release: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const amend = args.includes('--amend');
const dateArg = args[args.indexOf('--date') + 1];
const released = args.includes('--date') && dateArg ? dateArg : new Date().toISOString().slice(0, 10);
if (!IsoDate.safeParse(released).success || released.length !== 10) fail(`--date must be YYYY-MM-DD, got "${released}"`);

const texts = readTexts();
const files = filesOfTexts(texts);
const loaded = loadGeodata(files);
if (!loaded.ok) fail(`the geodata has errors; fix them first:\n${loaded.errors.map((e) => `  ${e.file} ${e.feature} ${e.field}: ${e.message}`).join('\n')}`);
const version = dataVersion(texts);

const { releases, problems } = orderReleases(readManifests().map((m) => m.json));
if (problems.length) fail(`the release history is inconsistent:\n  ${problems.join('\n  ')}`);
let latest = releases[releases.length - 1];
if (latest?.version === version && !amend) {
  console.log(`geodata matches release ${latest.sequence} (${version}); nothing to release`);
  process.exit(0);
}
if (amend) {
  if (!latest) fail('--amend: there is no release to redo');
  const path = `geodata/releases/${manifestFile(latest)}`;
  if (existsOn('main', path)) fail(`--amend: release ${latest.sequence} (${latest.version}) is on main; cut a new release instead`);
  rmSync(join(RELEASES_DIR, manifestFile(latest)));
  releases.pop();
  latest = releases[releases.length - 1];
}

let previous: { manifest: ReleaseManifest; content: ReleaseContent } | undefined;
if (latest) {
  if (released < latest.released) fail(`--date ${released} is before release ${latest.sequence} (${latest.released})`);
  const found = contentFromGit(latest.version);
  if (!found) fail(`the files of release ${latest.sequence} (${latest.version}) are not in git history; commit them, then release`);
  previous = { manifest: latest, content: found.content };
}

const manifest = buildManifest(contentOfFiles(files), version, { released }, previous);
mkdirSync(RELEASES_DIR, { recursive: true });
writeFileSync(join(RELEASES_DIR, manifestFile(manifest)), formatManifest(manifest));

console.log(`geodata release ${manifest.sequence}: version ${version}, released ${released}${latest ? `, after ${latest.version}` : ''}`);
if (latest) {
  const diff = diffReleases(latest, manifest);
  for (const c of RELEASE_COLLECTIONS) {
    const n = countChanges(diff, c);
    if (n.added + n.corrected + n.withdrawn) console.log(`  ${c}: ${n.added} added, ${n.corrected} corrected, ${n.withdrawn} withdrawn`);
  }
}
