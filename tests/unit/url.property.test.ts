import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, SOURCE_KINDS } from '../../src/domain/schemas';
import {
  CONFIDENCES,
  LAYER_IDS,
  MAX_NOTICES,
  PRECISIONS,
  SCENARIO_IDS,
  UrlStateSchema,
  decodeHash,
  encodeHash,
  type UrlState,
} from '../../src/url';

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(2023, 0, 1);
const DAYS = (Date.UTC(2026, 11, 31) - FIRST) / DAY_MS;
const day = (i: number) => new Date(FIRST + i * DAY_MS).toISOString().slice(0, 10);
const scaled = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((n) => n / scale);

/** Characters that are special in links, mixed with any Unicode. */
const tricky = fc.oneof(fc.constantFrom(',', '&', '=', '#', '%', '+', ' ', '/', '?', '%2C', 'é', '한', '😀'), fc.string({ unit: 'binary', maxLength: 1 }));
const safe = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
const text = (max: number) =>
  fc.array(tricky, { maxLength: max }).map((a) => a.join('')).filter((s) => s.length <= max && safe(s));
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** Valid states with numbers already at link precision. */
const validState: fc.Arbitrary<UrlState> = fc.record({
  camera: fc.record({
    zoom: scaled(0, 2400, 100),
    lat: scaled(-850511, 850511, 10_000),
    lon: scaled(-1_800_000, 1_800_000, 10_000),
    bearing: scaled(-1800, 1800, 10),
    pitch: scaled(0, 850, 10),
  }),
  layers: fc.subarray([...LAYER_IDS]),
  dates: fc.tuple(fc.integer({ min: 0, max: DAYS }), fc.integer({ min: 0, max: DAYS })),
  cat: fc.subarray([...CATEGORIES]),
  conf: fc.subarray([...CONFIDENCES]),
  src: fc.subarray([...SOURCE_KINDS]),
  prec: fc.subarray([...PRECISIONS]),
  pub: fc
    .uniqueArray(text(100).map((s) => s.trim()).filter((s) => s.length > 0), { maxLength: 20 })
    .map((a) => [...a].sort()),
  q: text(200),
  w: fc.integer({ min: 5, max: 100 }),
  sel: fc.option(id),
  cor: fc.option(id),
  sc: fc.option(fc.constantFrom(...SCENARIO_IDS)),
  ind: fc.option(id),
  d: fc.option(fc.stringMatching(/^[0-9a-f]{8}$/)),
  imp: fc.boolean(),
}).map(({ dates, ...rest }) => ({ ...rest, from: day(Math.min(...dates)), to: day(Math.max(...dates)) }));

function expectUsable(input: unknown): void {
  const { state, notices } = decodeHash(input);
  const parsed = UrlStateSchema.safeParse(state);
  expect(parsed.success).toBe(true);
  expect(notices.length).toBeLessThanOrEqual(MAX_NOTICES);
  expect(notices.every((n) => typeof n === 'string' && n.length < 300)).toBe(true);
  // The catch-all in decodeHash must never be what saved us.
  expect(notices).not.toContain('Ignored the link: it could not be read');
}

const VALUES = ['', '1', '-0', '1e308', 'NaN', 'Infinity', '%', '%ZZ', '%E0%A4%A', '%00', '__proto__', ',,,', '4/5/6',
  '99/99/999', '2024-02-30', '2024-10-01', 'S2', 's-042', 'a'.repeat(300), '😀', '\ud800', 'high,low,high'];
const KEYS = ['v', 'map', 'bp', 'layers', 'from', 'to', 'cat', 'conf', 'src', 'prec', 'pub', 'q', 'w', 'sel', 'cor', 'sc', 'ind',
  'd', 'imp', 'date', 'x', '', 'constructor', '4.2/50/95'];

const tokenHash = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ unit: 'binary' })), fc.boolean()), { maxLength: 30 })
  .map((ps) => `#${ps.map(([k, v, bare]) => (bare ? k : `${k}=${v}`)).join('&')}`);

const mutatedHash = fc
  .tuple(validState, fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 6 }))
  .map(([s, edits]) => {
    let h = encodeHash(s);
    for (const [at, del, ins] of edits) {
      const i = at % (h.length + 1);
      h = h.slice(0, i) + ins + h.slice(i + del);
    }
    return h;
  });

describe('decodeHash never throws and always yields a valid state', () => {
  it('random strings (4,000)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (h) => {
      expectUsable(h);
    }), { numRuns: 4000 });
  });
  it('random key/value soups (4,000)', () => {
    fc.assert(fc.property(tokenHash, (h) => {
      expectUsable(h);
    }), { numRuns: 4000 });
  });
  it('mutated valid links (4,000)', () => {
    fc.assert(fc.property(mutatedHash, (h) => {
      expectUsable(h);
    }), { numRuns: 4000 });
  });
  it('anything at all (500)', () => {
    fc.assert(fc.property(fc.anything(), (x) => {
      expectUsable(x);
    }), { numRuns: 500 });
  });
});

describe('round trip', () => {
  it('generated states are valid', () => {
    fc.assert(fc.property(validState, (s) => {
      expect(UrlStateSchema.safeParse(s).success).toBe(true);
    }), { numRuns: 500 });
  });
  it('decode(encode(s)) deep-equals s (2,000 states)', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const { state, notices } = decodeHash(encodeHash(s));
        expect(state).toEqual(s);
        expect(notices.filter((n) => !n.startsWith('This view included imported data'))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
  it('encode is stable: encode(decode(encode(s))) === encode(s)', () => {
    fc.assert(fc.property(validState, (s) => {
      expect(encodeHash(decodeHash(encodeHash(s)).state)).toBe(encodeHash(s));
    }), { numRuns: 1000 });
  });
});
