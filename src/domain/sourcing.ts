/**
 * The sourcing rules of geodata/README.md that can be checked by machine, over validated data: how a
 * source's date relates to the reports that cite it, what a "high" rating needs, where addresses go, and
 * which nodes may lie close together. Each problem names the file, the record and the field.
 */
import { booleanPointInPolygon, distance } from '@turf/turf';
import { dateEndDay, dateToDay } from './dates';
import type { NodeFeature, SightingFeature, Source } from './schemas';
import type { Geodata, GeodataError } from './types';

/** A source dated more than this many days after the end of a report it supports must say why (`retrospective`). */
export const MAX_REPORT_LAG_DAYS = 120;
/** Nodes of one kind closer than this, km, must belong to one site (`partOf`). */
export const SAME_KIND_NODE_KM = 5;
/** Nodes of any kinds closer than this, km, must belong to one site. */
export const ANY_KIND_NODE_KM = 2;

/** A web address in free text: a scheme, or a host name ending in a common top-level domain. */
const ADDRESS = /\bhttps?:\/\/|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|gov|int|edu|info|media|news|io|tv|kr|jp|ua|ru|uk|de|lu|az|ph|au)\b/i;

/**
 * The organisations behind a publisher string: parts split on ';', without parenthetical remarks,
 * lower-cased. Two sources are independent when their sets do not overlap.
 * @example publisherSet('Office of the President of Ukraine; Security Service of Ukraine (SBU)')
 *   // Set { 'office of the president of ukraine', 'security service of ukraine' }
 */
export function publisherSet(publisher: string): Set<string> {
  return new Set(
    publisher
      .replace(/\([^)]*\)/g, '')
      .split(';')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Whether the sources include one official act, or two whose publishers do not overlap. */
export function independentlySourced(sources: readonly Source[]): boolean {
  if (sources.some((s) => s.official)) return true;
  for (let i = 0; i < sources.length; i++) {
    for (let j = i + 1; j < sources.length; j++) {
      const a = publisherSet(sources[i]!.publisher);
      if (![...publisherSet(sources[j]!.publisher)].some((p) => a.has(p))) return true;
    }
  }
  return false;
}

type Emit = (file: string, feature: string, field: string, message: string) => void;

function checkSources(sources: ReadonlyMap<string, Source>, emit: Emit): void {
  const byUrl = new Map<string, string>();
  for (const s of sources.values()) {
    if (s.kind !== 'reference' && s.date === undefined) emit('sources.json', s.id, 'date', 'a report needs its publication date');
    if (s.note !== undefined && ADDRESS.test(s.note) && s.url === undefined) emit('sources.json', s.id, 'url', 'the note names an address but url is empty');
    if (s.url === undefined) continue;
    const key = s.url.replace(/\/+$/, '').toLowerCase();
    const prior = byUrl.get(key);
    if (prior !== undefined) emit('sources.json', s.id, 'url', `same address as "${prior}"`);
    else byUrl.set(key, s.id);
  }
}

function checkSighting(f: SightingFeature, sources: ReadonlyMap<string, Source>, emit: Emit): void {
  const p = f.properties;
  const cited = p.sources.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
  const end = p.dateEnd ?? p.date;
  cited.forEach((s) => {
    if (s.date === undefined) return;
    const field = `properties.sources.${p.sources.indexOf(s.id)}`;
    if (dateEndDay(s.date) < dateToDay(end)) emit('sightings.geojson', p.id, field, `"${s.id}" (${s.date}) is dated before the report it supports ends (${end})`);
    const lag = dateToDay(s.date) - dateEndDay(end);
    if (lag > MAX_REPORT_LAG_DAYS && s.retrospective === undefined) {
      emit('sightings.geojson', p.id, field, `"${s.id}" (${s.date}) is ${lag} days after the report (${end}); a later analysis says so in "retrospective"`);
    }
  });
  if (p.confidence === 'high' && !independentlySourced(cited)) {
    emit('sightings.geojson', p.id, 'properties.confidence', '"high" needs two sources from different publishers, or one official act');
  }
}

/** The node a site is counted at: its `partOf`, or itself. */
const siteOf = (n: NodeFeature) => n.properties.partOf ?? n.properties.id;

function checkNodes(data: Geodata, emit: Emit): void {
  const nodes = data.nodes;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (siteOf(a) === siteOf(b)) continue;
      const km = distance(a.geometry.coordinates, b.geometry.coordinates, { units: 'kilometers' });
      const sameKind = a.properties.kind === b.properties.kind;
      if (km < ANY_KIND_NODE_KM || (sameKind && km < SAME_KIND_NODE_KM)) {
        emit('nodes.geojson', b.properties.id, 'properties.partOf', `${km.toFixed(1)} km from "${a.properties.id}"${sameKind ? ` (also a ${a.properties.kind})` : ''}: merge them or make one part of the other's site`);
      }
    }
  }
  const grounds = data.areas.filter((a) => a.properties.kind === 'training-area');
  for (const n of nodes.filter((x) => x.properties.kind === 'training-ground')) {
    const area = grounds.find((a) => booleanPointInPolygon(n.geometry.coordinates, a));
    if (area) emit('nodes.geojson', n.properties.id, 'properties.kind', `a training ground inside area "${area.properties.id}" is mapped twice`);
  }
}

/**
 * Every mechanical sourcing problem in validated geodata; empty when the data keeps the rules.
 * @example checkSourcing(loadGeodata(files).data) // [] for the shipped data
 */
export function checkSourcing(data: Geodata): GeodataError[] {
  const out: GeodataError[] = [];
  const emit: Emit = (file, feature, field, message) => out.push({ file, feature, field, message });
  checkSources(data.sources, emit);
  for (const f of data.sightings) checkSighting(f, data.sources, emit);
  checkNodes(data, emit);
  return out;
}
