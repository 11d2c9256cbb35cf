/**
 * `npm run gen:synthetic -- --n 1000000 --seed 1` → .synthetic/sightings-<n>-<seed>.geojson (and the
 * synthetic sources). Deterministic; every feature has `synthetic: true`.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBenchGeodata } from './lib/geodata';
import { generateSynthetic, syntheticFeature, SYNTHETIC_SOURCES } from '../src/state/syntheticData';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1]! : d; };
const n = Number(opt('--n', '10000'));
const seed = Number(opt('--seed', '1'));
const dir = join(import.meta.dirname, '..', '.synthetic');
mkdirSync(dir, { recursive: true });
const geo = loadBenchGeodata();
const cols = generateSynthetic({ n, seed, routes: geo.routes, nodes: geo.nodes });
const file = join(dir, `sightings-${n}-${seed}.geojson`);
const out = createWriteStream(file);
out.write('{"type":"FeatureCollection","features":[\n');
let buf = '';
for (let i = 0; i < n; i++) {
  buf += (i ? ',\n' : '') + JSON.stringify(syntheticFeature(cols, i));
  if (buf.length > 1 << 20) { out.write(buf); buf = ''; }
}
out.write(buf + '\n]}\n');
out.end(() => console.log(`wrote ${n} synthetic sightings (seed ${seed}, routes from ${geo.origin}) to ${file}`));
writeFileSync(join(dir, 'sources.json'), JSON.stringify(SYNTHETIC_SOURCES, null, 2));
