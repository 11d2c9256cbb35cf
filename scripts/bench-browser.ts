/**
 * `npm run bench:browser [-- --runs 3 --sizes 0,100000,1000000 --steps 6 --no-build --app-dir DIR --compare DIR --hash '#…' --profile --trace --json]`
 *
 * `--profile` saves CPU profiles of every page (test-results/bench/*.cpuprofile) and prints their top
 * functions by self time. `--no-build` reuses dist/ when it exists; `--app-dir` measures another build of the app (e.g. a copy of
 * an earlier dist/) and skips the app build; `--compare DIR` adds an earlier build as a third page in every
 * round, so a before/after table comes from one interleaved run; `--hash` opens the app on a link
 * (e.g. `'#v=1&layers=rail,sea,sightings'` to see what a layer costs).
 *
 * The app beside a bare deck.gl page (bench/browser/: MapLibre + MapboxOverlay, the same basemap, the
 * same bundled sightings and routes, N binary-attribute points with a DataFilterExtension), built from the
 * same node_modules. For each size the two pages run interleaved (app, bare, then bare, app, …), each in
 * a fresh Chromium with software WebGL, and the table gives medians, spreads and app/bare ratios. The
 * machine may be shared: trust the ratios of one run and the CPU times more than wall-clock seconds.
 * Not a test: nothing here passes or fails on a number.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/e2e/harness';
import { netStepCpuMs, runPage, type Kind, type RunResult } from './lib/pageRun';
import { serveStatic } from './lib/staticServer';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1]! : d;
};
const runs = Number(opt('--runs', '3'));
const sizes = opt('--sizes', '0,100000,1000000').split(',').map(Number);
const steps = Number(opt('--steps', '6'));
const port = Number(opt('--port', process.env.BENCH_PORT ?? '4290'));
const json = args.includes('--json');
const ROOT = join(import.meta.dirname, '..');
const BARE = join(ROOT, 'test-results/bench/bare');

function build(cmd: string[], what: string): void {
  const r = spawnSync('npx', cmd, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} build failed`);
}
const appDir = args.includes('--app-dir') ? opt('--app-dir', 'dist') : join(ROOT, 'dist');
if (!args.includes('--app-dir') && (!args.includes('--no-build') || !existsSync(join(appDir, 'index.html')))) build(['vite', 'build', '--logLevel', 'warn'], 'app');
build(['vite', 'build', '--config', 'bench/browser/vite.config.ts'], 'bare page');

const bundled = (JSON.parse(readFileSync(join(ROOT, 'geodata/sightings.geojson'), 'utf8')) as { features: unknown[] }).features.length;
const server = await serveStatic({ '/app/': appDir, '/bare/': BARE, ...(args.includes('--compare') ? { '/earlier/': opt('--compare', '') } : {}) }, port);
const base = `http://127.0.0.1:${port}`;

/** The app's map size, so the bare page fills as many pixels and fits the same camera. */
async function appMapSize(): Promise<{ w: number; h: number }> {
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${base}/app/`);
    const box = await page.getByTestId('map').boundingBox();
    return { w: Math.round(box!.width), h: Math.round(box!.height) };
  } finally {
    await browser.close();
  }
}

const size = await appMapSize();
const hash = opt('--hash', '');
/** The pages of one round: the app, the bare page and (with --compare) an earlier build of the app. */
type PageName = 'app' | 'bare' | 'earlier';
const compare = args.includes('--compare') ? opt('--compare', '') : null;
const pages: PageName[] = compare ? ['app', 'bare', 'earlier'] : ['app', 'bare'];
const kindOf = (p: PageName): Kind => (p === 'bare' ? 'bare' : 'app');
const urlOf = (p: PageName, n: number) =>
  p === 'bare' ? `${base}/bare/?n=${n}&seed=1&w=${size.w}&h=${size.h}` : `${base}/${p}/${n ? `?synthetic=${n}&seed=1` : ''}${hash}`;

const results: (RunResult & { page: PageName })[] = [];
try {
  for (const n of sizes) {
    for (let r = 0; r < runs; r++) {
      // Each round starts with a different page (app, bare, … then bare, …), so no page always goes first.
      const order = pages.map((_, k) => pages[(k + r) % pages.length]!);
      for (const page of order) {
        const saved = join(ROOT, `test-results/bench/${page}-${n}-run${r + 1}`);
        const trace = args.includes('--trace') ? saved : undefined;
        const profile = args.includes('--profile') ? saved : undefined;
        const res = { page, ...(await runPage({ kind: kindOf(page), n, url: urlOf(page, n), expected: bundled + n, steps, timeoutMs: 20 * 60_000, ...(profile ? { profile } : {}), ...(trace ? { trace } : {}) })) };
        results.push(res);
        console.error(
          `${page.padEnd(7)} n=${String(n).padStart(7)} run ${r + 1}: first draw ${(res.firstDrawMs / 1000).toFixed(2)} s, idle ${(res.idleMs / 1000).toFixed(2)} s, ` +
            `main CPU ${res.mainCpuS.toFixed(2)} s, ${res.rendererMb.toFixed(0)} MB, step ${median(netStepCpuMs(res)).toFixed(1)} ms net`,
        );
      }
    }
  }
} finally {
  server.close();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : Number.NaN;
}

type Row = { label: string; unit: string; of: (r: RunResult) => number; digits: number };
const ROWS: Row[] = [
  { label: 'first draw of every point', unit: 's', of: (r) => r.firstDrawMs / 1000, digits: 2 },
  { label: 'map idle', unit: 's', of: (r) => r.idleMs / 1000, digits: 2 },
  { label: 'deck frames to first picture', unit: '', of: (r) => r.deckFrames, digits: 0 },
  { label: 'main-thread CPU to settled', unit: 's', of: (r) => r.mainCpuS, digits: 2 },
  { label: 'renderer CPU (incl. workers)', unit: 's', of: (r) => r.rendererCpuS, digits: 2 },
  { label: 'GPU process CPU (rasterising)', unit: 's', of: (r) => r.gpuCpuS, digits: 2 },
  { label: 'renderer memory (private)', unit: 'MB', of: (r) => r.rendererMb, digits: 0 },
  { label: 'renderer memory (PSS)', unit: 'MB', of: (r) => r.rendererPssMb, digits: 0 },
  { label: '  (private, after a full GC)', unit: 'MB', of: (r) => r.rendererRetainedMb, digits: 0 },
  { label: 'JS heap used', unit: 'MB', of: (r) => r.heapMb, digits: 0 },
  { label: 'main-thread CPU per slider step', unit: 'ms', of: (r) => median(netStepCpuMs(r)), digits: 1 },
  { label: '  (idle page, CPU per frame)', unit: 'ms', of: (r) => r.quietCpuMs.reduce((a, b) => a + b, 0) / r.quietFrames.reduce((a, b) => a + b, 0), digits: 2 },
  { label: 'slider input handler', unit: 'ms', of: (r) => median(r.stepHandlerMs), digits: 1 },
  { label: 'deck.gl frames per slider step', unit: '', of: (r) => median(r.stepDeckFrames ?? []), digits: 0 },
];

const fmt = (xs: number[], d: number) => (xs.length ? `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})` : 'n/a');
type Cell = { median: number; ratio: number; ratioMin: number; ratioMax: number };
const table: Record<string, Record<string, Partial<Record<PageName, Cell>>>> = {};
const apps = pages.filter((p) => p !== 'bare');
for (const n of sizes) {
  const of = (p: PageName) => results.filter((r) => r.page === p && r.n === n);
  const title = n === 0 ? 'default view (bundled data)' : `${n.toLocaleString('en-GB')} synthetic points`;
  console.log(`\n${title} — ${pages.map((p) => `${of(p).length} ${p}`).join(' / ')} runs, interleaved; median (min–max)`);
  console.log(`${'metric'.padEnd(34)} ${['bare page', ...apps.flatMap((p) => [p, `${p}/bare`])].map((h) => h.padStart(22)).join(' ')}`);
  table[n] = {};
  for (const row of ROWS) {
    const b = of('bare').map(row.of);
    const cells = [fmt(b, row.digits)];
    const entry: Partial<Record<PageName, Cell>> = { bare: { median: median(b), ratio: 1, ratioMin: 1, ratioMax: 1 } };
    for (const p of apps) {
      const a = of(p).map(row.of);
      // Per-round ratios (round k of this page against round k of the bare page) give the ratio's spread.
      const pairs = a.map((x, k) => x / b[k]!).filter(Number.isFinite);
      const ratio = median(a) / median(b);
      entry[p] = { median: median(a), ratio, ratioMin: Math.min(...pairs), ratioMax: Math.max(...pairs) };
      cells.push(fmt(a, row.digits), Number.isFinite(ratio) ? `${ratio.toFixed(2)}× (${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)})` : 'n/a');
    }
    table[n]![row.label] = entry;
    console.log(`${`${row.label}${row.unit ? `, ${row.unit}` : ''}`.padEnd(34)} ${cells.map((c) => c.padStart(22)).join(' ')}`);
  }
}
mkdirSync(join(ROOT, 'test-results/bench'), { recursive: true });
const out = join(ROOT, `test-results/bench/browser-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ size, sizes, runs, steps, results, table }, null, 2));
console.log(`\nraw runs: ${out}`);
if (json) console.log(JSON.stringify(table));
