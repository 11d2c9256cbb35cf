/**
 * `npm run bench [-- --json] [-- --sizes 10000,100000,1000000] [-- --naive-full-up-to N] [-- --naive-zones K]`
 * Side by side in one process: the naive Turf reference (booleanPointInPolygon of every point against
 * every corridor polygon) and the engine (point index + cell grids + exact test), on synthetic sightings
 * over all corridors of geodata/ (fixture routes when geodata/ has none); the join again with the
 * location-precision rule on the generator's precisions (a third region-precise); then the windowed
 * metrics over every zone the app uses (corridors, node catchments, areas), wall and CPU time. Row
 * fields: see src/metrics/README.md.
 */
import { loadavg } from 'node:os';
import { areaZones, nodeCatchments } from '../src/metrics/catchments';
import { sourceKindMask } from '../src/metrics/columns';
import { buildCorridors } from '../src/metrics/corridors';
import { buildWindowIndex } from '../src/metrics/cube';
import { spatialJoin, type JoinResult } from '../src/metrics/join';
import { naiveMembership } from '../src/metrics/naive';
import { buildPointIndex } from '../src/metrics/point-index';
import { sharedRegionPositions } from '../src/metrics/precision';
import { windowMetrics, zoneLengths } from '../src/metrics/window';
import { dateToDay } from '../src/domain/dates';
import { loadBenchGeodata } from './lib/geodata';
import { medianCpuMs, medianMs, PeakMemory, typedBytes } from './lib/measure';
import { generateSynthetic } from '../src/state/syntheticData';

const args = process.argv.slice(2);
const json = args.includes('--json');
const opt = (name: string) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : undefined; };
const sizes = (opt('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
/** Above this size the naive loop runs on `--naive-zones` corridors and is scaled (stated in the row). */
const naiveFullUpTo = Number(opt('--naive-full-up-to') ?? Infinity);
const naiveZonesAtScale = Number(opt('--naive-zones') ?? 6);

const geo = loadBenchGeodata();
const corridors = buildCorridors(geo.routes, 25, { nodes: geo.nodes });
const fixed = [...nodeCatchments(geo.nodes), ...areaZones(geo.areas)];
const mem = new PeakMemory();
const log = (s: string) => { if (!json) console.log(s); };
log(`routes: ${geo.origin} (${corridors.length} corridors, width 25 km, ${corridors.reduce((a, c) => a + c.legs.length, 0)} leg buffers); ` +
  `window metrics over ${corridors.length + fixed.length + 1} zones (corridors, ${geo.nodes.length} node catchments, ${geo.areas.length} areas, all)`);
log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (timings are wall-clock; other load inflates them)`);
log('');
log('        n │ naive ms │ engine ms │ cpu ms │ first ms │ ratio │ +rule ms │ window ms │ cpu ms │ +source ms │ cpu ms │ sel cpu │ sel+src cpu │ view MB │ index MB │ heap MB │ naive scope');
log('──────────┼──────────┼───────────┼────────┼──────────┼───────┼──────────┼───────────┼────────┼────────────┼────────┼─────────┼─────────────┼─────────┼──────────┼─────────┼────────────');

/** Engine runs timed after the first, per size (the figure is their median). */
const ENGINE_RUNS = 5;
/** Recomputes timed per window (the figure is their median). */
const WINDOW_RUNS = 9;
const WINDOWS: [string, string][] = [['2025-06-17', '2025-12-16'], ['2024-10-01', '2025-03-31'], ['2023-07-01', '2025-12-31']];

for (const n of sizes) {
  const cols = generateSynthetic({ n, seed: 1, routes: geo.routes, nodes: geo.nodes });
  mem.sample();
  // Engine: point index + join over all corridors (grids built fresh: new corridors each run). The
  // first run stands alone (cold: code not yet optimised for this size, the generator's garbage still
  // to collect); the engine figures are medians of the ENGINE_RUNS runs after it, wall and CPU time.
  const engineRun = () => {
    const zones = buildCorridors(geo.routes, 25, { nodes: geo.nodes });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const index = buildPointIndex(cols);
    const t1 = performance.now();
    const join = spatialJoin(cols, zones, { index });
    const t2 = performance.now();
    const c = process.cpuUsage(c0);
    return { zones, index, join, indexMs: t1 - t0, joinMs: t2 - t1, ms: t2 - t0, cpuMs: (c.user + c.system) / 1000 };
  };
  const first = engineRun();
  // Timings only: the later runs' joins are dropped at once (the heap figure stays one join's).
  const runs = Array.from({ length: ENGINE_RUNS }, () => { const { indexMs, joinMs, ms, cpuMs } = engineRun(); return { indexMs, joinMs, ms, cpuMs }; });
  const med = (f: (r: (typeof runs)[number]) => number) => runs.map(f).sort((a, b) => a - b)[Math.floor(ENGINE_RUNS / 2)]!;
  const { zones, index, join } = first;
  const indexMs = med((r) => r.indexMs), joinMs = med((r) => r.joinMs), engineMs = med((r) => r.ms), engineCpuMs = med((r) => r.cpuMs);
  mem.sample();
  // The same join under the location-precision rule, the synthetic points taking the generator's
  // precision (a third region-precise, each its own 100 km disc): what the rule costs at this size.
  const ruled = { ...cols, precision: cols.location };
  const tr = performance.now();
  spatialJoin(ruled, zones, { index, regions: { precision: ruled.precision, areaSamples: new Map(), samePosition: sharedRegionPositions(ruled.lon, ruled.lat, ruled.precision) } });
  const ruleMs = performance.now() - tr - joinMs;
  mem.sample();
  // Naive reference: every corridor, or a subset scaled to all.
  const full = n <= naiveFullUpTo;
  const naiveSet = full ? zones : zones.slice(0, Math.min(naiveZonesAtScale, zones.length));
  const tn = performance.now();
  const naive = naiveMembership(cols, naiveSet);
  const naiveMeasured = performance.now() - tn;
  const naiveMs = full ? naiveMeasured : (naiveMeasured * zones.length) / naiveSet.length;
  mem.sample();
  let diffs = 0;
  naive.forEach((m, z) => {
    const e = Uint32Array.from(join.zones[z]!.members).sort();
    if (e.length !== m.length) diffs += Math.abs(e.length - m.length) || 1;
    else for (let k = 0; k < m.length; k++) if (e[k] !== m[k]) diffs++;
  });
  // Windowed metrics over every zone: running totals built once, then recomputes timed.
  const rest = spatialJoin(cols, fixed, { index });
  const all: JoinResult = { n: join.n, zones: [...join.zones, ...rest.zones], all: join.all };
  const tb = performance.now();
  const cube = buildWindowIndex(all, cols);
  const buildMs = performance.now() - tb;
  mem.sample();
  const lengthKm = zoneLengths(zones);
  const detailFor = new Set(['all', ...zones.map((z) => z.id), ...fixed.map((z) => z.id)]);
  // As the app asks (state/results.ts): detail for the selected corridor and its end nodes only.
  const r0 = geo.routes[0]!.properties as { id: string; from?: string; to?: string };
  const selected = new Set([r0.id, ...(r0.from ? [r0.from] : []), ...(r0.to ? [r0.to] : [])]);
  const slowest = (extra: object, measure: typeof medianMs, detail = detailFor) => Math.max(...WINDOWS.map(([a, b]) => measure(() => {
    windowMetrics(all, cols, cube, { fromDay: dateToDay(a), toDay: dateToDay(b), ...extra }, { lengthKm, detailFor: detail });
  }, WINDOW_RUNS)));
  const source = { sourceKinds: sourceKindMask(['state-media']) };
  const windowMs = slowest({}, medianMs);
  const windowCpuMs = slowest({}, medianCpuMs);
  // What the default view's recomputes built (the other bucketings wait for a filter that reads them).
  const viewMB = typedBytes(cube) / 2 ** 20;
  const windowSourceMs = slowest(source, medianMs);
  const windowSourceCpuMs = slowest(source, medianCpuMs);
  const selectedCpuMs = slowest({}, medianCpuMs, selected);
  const selectedSourceCpuMs = slowest(source, medianCpuMs, selected);
  mem.sample();
  const ratio = naiveMs / engineMs;
  const heapMB = mem.peak / 2 ** 20;
  const indexMB = typedBytes(cube) / 2 ** 20;
  const scope = full ? `all ${zones.length}` : `${naiveSet.length}/${zones.length} corridors, scaled`;
  if (json) {
    console.log(JSON.stringify({
      n, naiveMs: round(naiveMs), engineMs: round(engineMs), engineCpuMs: round(engineCpuMs), engineFirstMs: round(first.ms), ratio: round(ratio), windowMs: round(windowMs), heapMB: round(heapMB),
      windowSourceMs: round(windowSourceMs), windowCpuMs: round(windowCpuMs), windowSourceCpuMs: round(windowSourceCpuMs),
      selectedCpuMs: round(selectedCpuMs), selectedSourceCpuMs: round(selectedSourceCpuMs),
      ruleMs: round(ruleMs), indexMs: round(indexMs), joinMs: round(joinMs), buildMs: round(buildMs),
      indexMB: round(indexMB), viewMB: round(viewMB), zones: all.zones.length + 1, naiveScope: scope, membershipDiffs: diffs,
    }));
  } else {
    log(`${String(n).padStart(9)} │ ${fmt(naiveMs, 8)} │ ${fmt(engineMs, 9)} │ ${fmt(engineCpuMs, 6)} │ ${fmt(first.ms, 8)} │ ${ratio.toFixed(1).padStart(5)} │ ${fmt(ruleMs, 8)} │ ${windowMs.toFixed(1).padStart(9)} │ ` +
      `${windowCpuMs.toFixed(1).padStart(6)} │ ${windowSourceMs.toFixed(1).padStart(10)} │ ${windowSourceCpuMs.toFixed(1).padStart(6)} │ ` +
      `${selectedCpuMs.toFixed(1).padStart(7)} │ ${selectedSourceCpuMs.toFixed(1).padStart(11)} │ ${viewMB.toFixed(1).padStart(7)} │ ${indexMB.toFixed(1).padStart(8)} │ ` +
      `${fmt(heapMB, 7)} │ ${scope}${diffs ? `  MEMBERSHIP DIFFERS: ${diffs}` : ''}`);
  }
}
log('');
log(`engine ms: point index + join of every corridor, median of ${ENGINE_RUNS} runs after a first (cold) run; cpu ms: the same`);
log('in CPU time; first ms: the first run alone (ratio: naive / engine). +rule ms: what the location-precision');
log('rule adds to the join with a third of the points region-precise. window ms: slowest of three windows (6 months,');
log(`6 months, whole range), each the median of ${WINDOW_RUNS} recomputes after a warm-up, all zones with detail; cpu ms: the`);
log('same in CPU time; +source ms: with a source-kind filter. sel cpu, sel+src cpu: CPU time of the same recomputes as');
log('the app asks for them (detail for one selected corridor and its end nodes, summaries for the rest). view MB:');
log('running totals (typed arrays) after the unfiltered recomputes; index MB: the same after the filtered ones too (each');
log('bucketing is built when a query first reads it). heap MB: peak JS heap + typed arrays.');

function round(v: number) { return Math.round(v * 10) / 10; }
function fmt(v: number, w: number) { return v.toFixed(0).padStart(w); }
