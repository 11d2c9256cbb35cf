/**
 * Redraw every rail route in geodata/rail-routes.geojson through its nodes: the line is the coordinates
 * of `from`, each `via` and `to`, in order, taken from geodata/nodes.geojson. Run after moving a station
 * or editing a route's `via`:  npx tsx scripts/build-rail-geometry.ts
 * (tests/unit/geodata.test.ts fails if a rail line and its nodes disagree.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Fc<P> { type: 'FeatureCollection'; features: { geometry: { coordinates: unknown }; properties: P }[] }

const dir = join(import.meta.dirname, '../geodata');
const nodes = JSON.parse(readFileSync(join(dir, 'nodes.geojson'), 'utf8')) as Fc<{ id: string }>;
const railPath = join(dir, 'rail-routes.geojson');
const rail = JSON.parse(readFileSync(railPath, 'utf8')) as Fc<{ id: string; from: string; to: string; via: string[] }>;

const pos = new Map(nodes.features.map((f) => [f.properties.id, f.geometry.coordinates]));
for (const r of rail.features) {
  const ids = [r.properties.from, ...r.properties.via, r.properties.to];
  const missing = ids.filter((id) => !pos.has(id));
  if (missing.length) throw new Error(`${r.properties.id}: unknown node(s) ${missing.join(', ')}`);
  r.geometry.coordinates = ids.map((id) => pos.get(id));
}
const text = JSON.stringify(rail, null, 2).replace(/\[\s+(-?[\d.e-]+),\s+(-?[\d.e-]+)\s+\]/g, '[$1, $2]');
writeFileSync(railPath, `${text}\n`);
console.log(`rail-routes.geojson: ${rail.features.length} routes redrawn`);
