/**
 * One reader per link key: takes the raw (still percent-encoded) value, writes what it can use into the
 * working state, and returns a notice naming what it ignored (or `null`). Readers never throw.
 */
import { CATEGORIES, Id, SOURCE_KINDS } from '../domain/schemas';
import { quote, safeDecode, type RawParam } from './params';
import {
  CONFIDENCES,
  CUT_PARTS,
  LAYER_IDS,
  LIMITS,
  PANEL_TABS,
  PRECISION,
  PRECISIONS,
  SCENARIO_IDS,
  canonicalOrder,
  hasUnsafeChars,
  isLinkFileName,
  type UrlState,
} from './state';

type Reader = (raw: string, p: RawParam, s: UrlState) => string | null;

const DECIMAL = /^[+-]?\d{1,3}(\.\d{1,15})?$/;

/** Round to `places` decimals, without producing `-0`. */
export function roundTo(x: number, places: number): number {
  return Number(x.toFixed(places)) + 0;
}

const ignored = (p: RawParam, why: string) => `Ignored ${quote(`${p.key}=${p.value ?? ''}`)}: ${why}`;

function parseNumbers(raw: string, n: number): number[] | null {
  const parts = raw.split('/');
  if (parts.length !== n || !parts.every((x) => DECIMAL.test(x))) return null;
  return parts.map(Number);
}

const readMap: Reader = (raw, p, s) => {
  const nums = parseNumbers(raw, 3);
  if (!nums) return ignored(p, 'expected map=zoom/latitude/longitude');
  const [zoom, lat, lon] = nums as [number, number, number];
  if (zoom < LIMITS.zoomMin || zoom > LIMITS.zoomMax) return ignored(p, 'zoom must be 0–24');
  if (Math.abs(lat) > LIMITS.latMax) return ignored(p, 'latitude must be within ±85.0511°');
  if (Math.abs(lon) > 180) return ignored(p, 'longitude must be within ±180°');
  s.camera.zoom = roundTo(zoom, PRECISION.zoom);
  s.camera.lat = roundTo(lat, PRECISION.latLon);
  s.camera.lon = roundTo(lon, PRECISION.latLon);
  return null;
};

const readBearingPitch: Reader = (raw, p, s) => {
  const nums = parseNumbers(raw, 2);
  if (!nums) return ignored(p, 'expected bp=bearing/pitch');
  const [bearing, pitch] = nums as [number, number];
  if (Math.abs(bearing) > 180) return ignored(p, 'bearing must be −180–180°');
  if (pitch < 0 || pitch > LIMITS.pitchMax) return ignored(p, 'pitch must be 0–85°');
  s.camera.bearing = roundTo(bearing, PRECISION.bearingPitch);
  s.camera.pitch = roundTo(pitch, PRECISION.bearingPitch);
  return null;
};

/** Split a list value on literal commas, decoding each item; malformed items count as unknown. */
function listItems(raw: string): string[] {
  if (raw === '') return [];
  return raw.split(',').map((x) => safeDecode(x) ?? `\u0000${x}`);
}

/**
 * A reader for a set drawn from `allowed`. An empty value means the empty set; a value with no usable
 * item keeps the default rather than blanking the view.
 */
function enumList<T extends string>(field: 'layers' | 'cat' | 'conf' | 'src' | 'prec' | 'cut', allowed: readonly T[], noun: string): Reader {
  return (raw, p, s) => {
    const items = listItems(raw).map((x) => x.trim().toLowerCase());
    const ok = items.filter((x): x is T => (allowed as readonly string[]).includes(x));
    const bad = items.filter((x) => !(allowed as readonly string[]).includes(x));
    if (items.length > 0 && ok.length === 0) return ignored(p, `no known ${noun}`);
    (s[field] as T[]) = canonicalOrder(ok, allowed);
    return bad.length ? `Ignored unknown ${noun} ${bad.slice(0, 5).map(quote).join(', ')} in "${p.key}"` : null;
  };
}

const readPublishers: Reader = (raw, p, s) => {
  const items = listItems(raw).map((x) => x.trim()).filter((x) => x !== '');
  const ok = items.filter((x) => x.length <= LIMITS.publisherMaxChars && !hasUnsafeChars(x));
  const unique = [...new Set(ok)].sort();
  s.pub = unique.slice(0, LIMITS.publishersMax);
  const notes: string[] = [];
  if (ok.length < items.length) notes.push(`publisher names must be up to ${LIMITS.publisherMaxChars} plain characters`);
  if (unique.length > LIMITS.publishersMax) notes.push(`only the first ${LIMITS.publishersMax} publishers are used`);
  return notes.length ? `Ignored part of ${quote(`pub=${raw}`)}: ${notes.join('; ')}` : null;
};

function readDate(field: 'from' | 'to'): Reader {
  return (raw, p, s) => {
    const v = safeDecode(raw) ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return ignored(p, 'expected a date YYYY-MM-DD');
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) return ignored(p, 'not a calendar date');
    if (v < LIMITS.dateMin || v > LIMITS.dateMax) {
      return ignored(p, `dates must be between ${LIMITS.dateMin} and ${LIMITS.dateMax}`);
    }
    s[field] = v;
    return null;
  };
}

const readQuery: Reader = (raw, p, s) => {
  const v = safeDecode(raw);
  if (v === null) return ignored(p, 'malformed percent-encoding');
  const clean = v.replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  let q = clean.slice(0, LIMITS.queryMaxChars);
  if (/[\ud800-\udbff]$/.test(q)) q = q.slice(0, -1); // don't split a surrogate pair
  s.q = q;
  if (clean.length > LIMITS.queryMaxChars) return `Shortened the search text to ${LIMITS.queryMaxChars} characters`;
  return clean.length < v.length ? 'Removed control characters from the search text' : null;
};

const readWidth: Reader = (raw, p, s) => {
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= LIMITS.widthKmMin && n <= LIMITS.widthKmMax)) {
    return ignored(p, 'corridor width must be 5–100 km');
  }
  s.w = n;
  return null;
};

function readId(field: 'sel' | 'cor' | 'ind', noun: string): Reader {
  return (raw, p, s) => {
    const v = safeDecode(raw) ?? '\u0000';
    if (v === '') {
      s[field] = null; // `sel=` clears a default selection
      return null;
    }
    if (v.length > LIMITS.idMaxChars || !Id.safeParse(v).success) {
      return ignored(p, `not a valid ${noun} id (lower-case kebab-case, up to 64 characters)`);
    }
    s[field] = v;
    return null;
  };
}

const readScenario: Reader = (raw, p, s) => {
  if (raw === '') {
    s.sc = null;
    return null;
  }
  const v = raw.toUpperCase();
  const hit = SCENARIO_IDS.find((x) => x === v);
  if (!hit) return ignored(p, 'scenario must be S1, S2, S3 or S4');
  s.sc = hit;
  return null;
};

const readDataVersion: Reader = (raw, p, s) => {
  if (raw === '') {
    s.d = null;
    return null;
  }
  if (!/^[0-9a-fA-F]{8}$/.test(raw)) return ignored(p, 'data version must be 8 hexadecimal digits');
  s.d = raw.toLowerCase();
  return null;
};

const readTab: Reader = (raw, p, s) => {
  const hit = PANEL_TABS.find((t) => t === raw.toLowerCase());
  if (!hit) return ignored(p, `panel must be ${PANEL_TABS.join(', ')}`);
  s.tab = hit;
  return null;
};

const readImported: Reader = (raw, p, s) => {
  if (raw !== '0' && raw !== '1') return ignored(p, 'expected imp=1 or imp=0');
  s.imp = raw === '1';
  return null;
};

const readAnalysisFile: Reader = (raw, p, s) => {
  const v = safeDecode(raw);
  if (v === '') {
    s.af = null;
    return null;
  }
  if (v === null || !isLinkFileName(v)) return ignored(p, `expected a file name (up to ${LIMITS.fileNameMaxChars} plain characters)`);
  s.af = v;
  return null;
};

/** Readers by key. The keys of this table are the allow-list of what a link may set. */
export const READERS: Readonly<Record<string, Reader>> = {
  map: readMap,
  bp: readBearingPitch,
  layers: enumList('layers', LAYER_IDS, 'layer'),
  from: readDate('from'),
  to: readDate('to'),
  cat: enumList('cat', CATEGORIES, 'category'),
  conf: enumList('conf', CONFIDENCES, 'confidence level'),
  src: enumList('src', SOURCE_KINDS, 'source kind'),
  prec: enumList('prec', PRECISIONS, 'location precision'),
  pub: readPublishers,
  q: readQuery,
  w: readWidth,
  sel: readId('sel', 'feature'),
  cor: readId('cor', 'corridor'),
  sc: readScenario,
  ind: readId('ind', 'indicator'),
  d: readDataVersion,
  imp: readImported,
  af: readAnalysisFile,
  tab: readTab,
  cut: enumList('cut', CUT_PARTS, 'left-out part'),
};
