/**
 * File-system and git side of the geodata release history (the pure part is src/domain/release*.ts):
 * read the geodata texts and the manifests in geodata/releases/, write a manifest in a diff-friendly
 * layout, and find an earlier release's content in git history by its data version.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GEODATA_FILES } from '../../src/domain/files';
import type { GeodataFiles } from '../../src/domain/load';
import { RELEASE_COLLECTIONS, contentOfFiles, dataVersion, type ReleaseCollection, type ReleaseContent, type ReleaseManifest } from '../../src/domain/release';

export const ROOT = join(import.meta.dirname, '..', '..');
export const GEODATA_DIR = join(ROOT, 'geodata');
export const RELEASES_DIR = join(GEODATA_DIR, 'releases');

export type GeodataTexts = Record<ReleaseCollection, string>;

/** The six geodata file texts of a directory (a missing file reads as ''). */
export function readTexts(dir = GEODATA_DIR): GeodataTexts {
  return Object.fromEntries(
    RELEASE_COLLECTIONS.map((c) => {
      const path = join(dir, GEODATA_FILES[c]);
      return [c, existsSync(path) ? readFileSync(path, 'utf8') : ''];
    }),
  ) as GeodataTexts;
}

/** Parsed files from texts (throws on invalid JSON: a release is cut from valid files only). */
export function filesOfTexts(texts: GeodataTexts): GeodataFiles {
  return Object.fromEntries(RELEASE_COLLECTIONS.map((c) => [c, texts[c] ? (JSON.parse(texts[c]) as unknown) : undefined])) as unknown as GeodataFiles;
}

/** Every manifest in geodata/releases/, parsed as JSON (unordered; see `orderReleases`). */
export function readManifests(dir = RELEASES_DIR): { file: string; json: unknown }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown }));
}

/** The file name of a release's manifest. */
export const manifestFile = (m: Pick<ReleaseManifest, 'version'>) => `${m.version}.json`;

/**
 * A manifest as text: one `[id, hash]` pair and one replaced record per line, so a release's diff in
 * git reads as the list of what changed.
 */
export function formatManifest(m: ReleaseManifest): string {
  const block = (lines: string[]) => (lines.length ? `[\n${lines.map((l) => `      ${l}`).join(',\n')}\n    ]` : '[]');
  const group = (render: (c: ReleaseCollection) => string) =>
    `{\n${RELEASE_COLLECTIONS.map((c) => `    ${JSON.stringify(c)}: ${render(c)}`).join(',\n')}\n  }`;
  const head = (['format', 'sequence', 'version', 'released', 'previous'] as const).map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(m[k])}`);
  return [
    '{',
    `${head.join(',\n')},`,
    `  "features": ${group((c) => block(m.features[c].map((pair) => JSON.stringify(pair))))},`,
    `  "replaced": ${group((c) => block(m.replaced[c].map((r) => JSON.stringify(r))))}`,
    '}',
    '',
  ].join('\n');
}

const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The geodata texts at a commit (a file absent there reads as ''). */
function textsAt(commit: string): GeodataTexts {
  return Object.fromEntries(
    RELEASE_COLLECTIONS.map((c) => {
      try {
        return [c, git(['show', `${commit}:geodata/${GEODATA_FILES[c]}`])];
      } catch {
        return [c, ''];
      }
    }),
  ) as GeodataTexts;
}

/**
 * The content of data version `version` from git history: the newest commit (of HEAD's history) whose
 * geodata files hash to it, else undefined (e.g. the release was cut from files never committed).
 */
export function contentFromGit(version: string): { commit: string; content: ReleaseContent } | undefined {
  const paths = RELEASE_COLLECTIONS.map((c) => `geodata/${GEODATA_FILES[c]}`);
  const commits = git(['log', '--format=%H', 'HEAD', '--', ...paths]).split('\n').filter(Boolean);
  for (const commit of commits) {
    const texts = textsAt(commit);
    if (dataVersion(texts) === version) return { commit, content: contentOfFiles(filesOfTexts(texts)) };
  }
  return undefined;
}

/** Whether `path` (relative to the repo) exists on branch `ref`. */
export function existsOn(ref: string, path: string): boolean {
  try {
    git(['cat-file', '-e', `${ref}:${path}`]);
    return true;
  } catch {
    return false;
  }
}
