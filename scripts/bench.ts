/**
 * `npm run bench [-- --json] [-- --sizes 10000,100000,1000000] [-- --naive-zones K]`
 * Side by side in one process: the naive Turf reference (booleanPointInPolygon of every point against
 * every corridor polygon) and the engine (point index + cell grids + exact test), on synthetic sightings
 * over all corridors of geodata/ (fixture routes when geodata/ has none). Prints ms, ratio, the windowed
 * metrics recompute time and peak heap. Also checks that both give the same membership.
 */
import { buildCorridors } from '../src/metrics/corridors';
import { buildWindowIndex } from '../src/metrics/cube';
import { spatialJoin } from '../src/metrics/join';
import { naiveMembership } from '../src/metrics/naive';
import { buildPointIndex } from '../src/metrics/point-index';
import { windowMetrics, zoneLengths } from '../src/metrics/window';
import { dateToDay } from '../src/domain/dates';
import { loadBenchGeodata } from './lib/geodata';
import { generateSynthetic } from './lib/synthetic';

const args = process.argv.slice(2);
const json = args.includes('--json');
const opt = (name: string) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : undefined; };
const sizes = (opt('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
/** At sizes ≥ this, the naive loop runs on a subset of corridors and is scaled (stated in the output). */
const naiveFullUpTo = Number(opt('--naive-full-up-to') ?? 100_000);
const naiveZonesAtScale = Number(opt('--naive-zones') ?? 6);

const geo = loadBenchGeodata();
const corridors = buildCorridors(geo.routes, 25, { nodes: geo.nodes });
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().heapUsed); };
const log = (s: string) => { if (!json) console.log(s); };
log(`routes: ${geo.origin} (${corridors.length} corridors, width 25 km, ${corridors.reduce((a, c) => a + c.legs.length, 0)} leg buffers)`);
log('');
log('        n │ naive ms │ engine ms (index + join) │ ratio │ window ms │ heap MB │ naive scope');
log('──────────┼──────────┼──────────────────────────┼───────┼───────────┼─────────┼────────────');

for (const n of sizes) {
  const cols = generateSynthetic({ n, seed: 1, routes: geo.routes, nodes: geo.nodes });
  sample();
  // Engine: point index + join over all corridors (grids built fresh: new corridors each run).
  const zones = buildCorridors(geo.routes, 25, { nodes: geo.nodes });
  const t0 = performance.now();
  const index = buildPointIndex(cols);
  const t1 = performance.now();
  const join = spatialJoin(cols, zones, { index });
  const t2 = performance.now();
  sample();
  const engineMs = t2 - t0;
  // Naive reference: every corridor, or a subset scaled to all at large n.
  const full = n <= naiveFullUpTo;
  const naiveSet = full ? zones : zones.slice(0, Math.min(naiveZonesAtScale, zones.length));
  const tn = performance.now();
  const naive = naiveMembership(cols, naiveSet);
  const naiveMeasured = performance.now() - tn;
  const naiveMs = full ? naiveMeasured : (naiveMeasured * zones.length) / naiveSet.length;
  sample();
  let diffs = 0;
  naive.forEach((m, z) => {
    const e = Uint32Array.from(join.zones[z]!.members).sort();
    if (e.length !== m.length) diffs += Math.abs(e.length - m.length) || 1;
    else for (let k = 0; k < m.length; k++) if (e[k] !== m[k]) diffs++;
  });
  // Windowed metrics after a filter change: build the cube once, then time a recompute.
  const cube = buildWindowIndex(join, cols);
  const lengthKm = zoneLengths(zones);
  const detailFor = new Set(['all', ...zones.map((z) => z.id)]);
  const windows: [string, string][] = [['2025-06-17', '2025-12-16'], ['2024-10-01', '2025-03-31'], ['2023-07-01', '2025-12-31']];
  let windowMs = 0;
  for (const [a, b] of windows) {
    const tw = performance.now();
    windowMetrics(join, cols, cube, { fromDay: dateToDay(a), toDay: dateToDay(b) }, { lengthKm, detailFor });
    windowMs = Math.max(windowMs, performance.now() - tw);
  }
  sample();
  const ratio = naiveMs / engineMs;
  const heapMB = peak / 2 ** 20;
  const scope = full ? `all ${zones.length}` : `${naiveSet.length}/${zones.length} corridors, scaled`;
  if (json) {
    console.log(JSON.stringify({ n, naiveMs: round(naiveMs), engineMs: round(engineMs), indexMs: round(t1 - t0), joinMs: round(t2 - t1), ratio: round(ratio), windowMs: round(windowMs), heapMB: round(heapMB), naiveScope: scope, membershipDiffs: diffs }));
  } else {
    log(`${String(n).padStart(9)} │ ${fmt(naiveMs, 8)} │ ${fmt(engineMs, 7)} (${fmt(t1 - t0, 5)} + ${fmt(t2 - t1, 5)})  │ ${ratio.toFixed(1).padStart(5)} │ ${fmt(windowMs, 9)} │ ${fmt(heapMB, 7)} │ ${scope}${diffs ? `  MEMBERSHIP DIFFERS: ${diffs}` : ''}`);
  }
}
log('');
log('window ms: slowest of three filter windows (6 months, 6 months, whole range), all zones with detail.');

function round(v: number) { return Math.round(v * 10) / 10; }
function fmt(v: number, w: number) { return v.toFixed(0).padStart(w); }
