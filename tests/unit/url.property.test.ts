import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, SOURCE_KINDS } from '../../src/domain/schemas';
import {
  CONFIDENCES,
  CUT_PARTS,
  DEFAULT_URL_STATE,
  LAYER_IDS,
  MAX_HASH_CHARS,
  MAX_NOTICES,
  PRECISIONS,
  PANEL_TABS,
  SCENARIO_IDS,
  UrlStateSchema,
  cloneUrlState,
  decodeHash,
  encodeHash,
  fitLink,
  isLinkFileName,
  type UrlState,
} from '../../src/url';

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(1990, 0, 1);
const DAYS = (Date.UTC(2100, 11, 31) - FIRST) / DAY_MS;
const day = (i: number) => new Date(FIRST + i * DAY_MS).toISOString().slice(0, 10);
const scaled = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((n) => n / scale);

/** Odd words that name properties of every JavaScript object. */
const ODD_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'];
/** Characters that are special in links, odd words, CJK (9 link characters each) and any Unicode. */
const tricky = fc.oneof(
  fc.constantFrom(',', '&', '=', '#', '%', '+', ' ', '/', '?', '%2C', '%2B', '%20', 'é', '한', '😀', ...ODD_WORDS),
  fc.string({ unit: 'binary', maxLength: 1 }),
);
const safe = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);
const text = (max: number) =>
  fc.array(tricky, { maxLength: max }).map((a) => a.join('')).filter((s) => s.length <= max && safe(s));
/** A run of CJK characters (each is 3 UTF-8 bytes, so 9 characters in a link). */
const cjk = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0x4e00, max: 0x9fff }), { minLength: min, maxLength: max }).map((a) => String.fromCodePoint(...a));
const publisher = (max: number) => text(max).map((s) => s.trim()).filter((s) => s.length > 0);
/** Publisher filters from none to far over the 8 KB cap (ten names of 100 CJK characters are 9 KB). */
const publishers = fc
  .oneof(
    { arbitrary: fc.uniqueArray(publisher(100), { maxLength: 20 }), weight: 2 },
    { arbitrary: fc.uniqueArray(cjk(60, 100), { minLength: 6, maxLength: 14 }), weight: 2 },
    { arbitrary: fc.uniqueArray(fc.oneof(cjk(1, 100), publisher(300)), { maxLength: 40 }), weight: 1 },
  )
  .map((a) => [...a].sort());
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** Valid states with numbers already at link precision, from tiny to far over the link cap. */
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
  pub: publishers,
  q: fc.oneof(text(200), cjk(0, 200)),
  w: fc.integer({ min: 5, max: 100 }),
  sel: fc.option(id),
  cor: fc.option(id),
  sc: fc.option(fc.constantFrom(...SCENARIO_IDS)),
  ind: fc.option(id),
  d: fc.option(fc.stringMatching(/^[0-9a-f]{8}$/)),
  imp: fc.boolean(),
  // Analysis file names: ours, a browser's "(1)" copy, and odd text (no path separators, no leading dot).
  af: fc.option(fc.oneof(
    fc.constantFrom('corridor-analysis-2026-12-01.geojson', 'corridor-analysis-2026-12-01 (1).geojson'),
    text(120).map((t) => t.trim().replace(/[/\\]/g, '_').replace(/^\.+/, '')).filter(isLinkFileName),
  )),
  tab: fc.constantFrom(...PANEL_TABS),
  cut: fc.subarray([...CUT_PARTS]),
}).map(({ dates, ...rest }) => ({ ...rest, from: day(Math.min(...dates)), to: day(Math.max(...dates)) }));

/** Notices a valid link gives on purpose: it says what it cannot carry. */
const onPurpose = (n: string) => n.startsWith('This view included imported data') || n.startsWith('This link leaves out');

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
  'd', 'imp', 'af', 'date', 'x', '', 'constructor', '4.2/50/95'];

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

/** `s` as a link carries it after leaving `cut` out: those parts at their defaults, and named in `cut`. */
function without(s: UrlState, cut: readonly string[]): UrlState {
  const out = cloneUrlState(s);
  if (cut.includes('pub')) out.pub = [];
  if (cut.includes('q')) out.q = '';
  out.cut = CUT_PARTS.filter((p) => s.cut.includes(p) || cut.includes(p));
  return out;
}

/** The link `s` would need to carry everything, unfitted (the parts as the encoder writes them). */
const fullLength = (s: UrlState) => fitLink(s).fullLength;

describe('round trip', () => {
  it('generated states are valid', () => {
    fc.assert(fc.property(validState, (s) => {
      expect(UrlStateSchema.safeParse(s).success).toBe(true);
    }), { numRuns: 500 });
  });
  it('the generators reach the 8 KB cap: states just under it, and states over it', () => {
    const lengths = fc.sample(validState, { numRuns: 1000, seed: 7 }).map(fullLength);
    const over = lengths.filter((n) => n > MAX_HASH_CHARS).length;
    const justUnder = lengths.filter((n) => n > MAX_HASH_CHARS * 0.8 && n <= MAX_HASH_CHARS).length;
    expect(over).toBeGreaterThan(100);
    expect(justUnder).toBeGreaterThan(30);
    expect(over).toBeLessThan(500); // and most states fit whole
  });
  it('decode(encode(s)) deep-equals s, less only what the link says it left out (3,000 states)', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const fit = fitLink(s);
        expect(fit.hash.length - 1).toBeLessThanOrEqual(MAX_HASH_CHARS);
        expect(encodeHash(s)).toBe(fit.hash);
        const { state, notices } = decodeHash(fit.hash);
        expect(state).toEqual(without(s, fit.cut));
        expect(state).toEqual(fit.state);
        expect(notices.filter((n) => !onPurpose(n))).toEqual([]);
        if (fullLength(s) <= MAX_HASH_CHARS) {
          // Whatever fits is carried whole.
          expect(fit.cut).toEqual([]);
          expect(state).toEqual(s);
        } else {
          // Only what does not fit is left out, and the link says so.
          expect(fit.cut.length).toBeGreaterThan(0);
          expect(notices.some((n) => n.startsWith('This link leaves out'))).toBe(true);
          // Both parts go only when leaving out either one alone would not have been enough.
          if (fit.cut.length === 2) {
            expect(Math.min(fullLength(without(s, ['pub'])), fullLength(without(s, ['q'])))).toBeGreaterThan(MAX_HASH_CHARS);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('encode is stable: encode(decode(encode(s))) === encode(s)', () => {
    fc.assert(fc.property(validState, (s) => {
      expect(encodeHash(decodeHash(encodeHash(s)).state)).toBe(encodeHash(s));
    }), { numRuns: 1000 });
  });
});

describe('the link cap', () => {
  const base = () => cloneUrlState(DEFAULT_URL_STATE);
  it('ten publishers of 100 CJK characters (9 KB) leave the publisher filter out, and say so', () => {
    const s = base();
    s.pub = Array.from({ length: 10 }, (_, i) => String.fromCodePoint(...Array.from({ length: 100 }, (_, j) => 0x4e00 + i * 100 + j)));
    s.q = 'Rajin + Tumangang / 50%';
    const fit = fitLink(s);
    expect(fit.fullLength).toBeGreaterThan(9000);
    expect(fit.cut).toEqual(['pub']);
    const { state, notices } = decodeHash(fit.hash);
    expect(state.pub).toEqual([]);
    expect(state.q).toBe('Rajin + Tumangang / 50%'); // the search still fits, so it stays
    expect(state.cut).toEqual(['pub']);
    expect(notices).toEqual(['This link leaves out the publisher filter of the view it was made from (too long for a link)']);
  });
  it('a link of exactly 8,192 characters is read whole; one more and the encoder leaves a part out', () => {
    const s = base();
    // Publishers to within 100 characters of the cap, then a search that fills it to the character.
    s.pub = [];
    for (let i = 0; fitLink(s).fullLength < MAX_HASH_CHARS - 400; i++) s.pub.push(`${String(i).padStart(2, '0')}${'x'.repeat(290)}`);
    s.pub.push(`zz${'x'.repeat(MAX_HASH_CHARS - 100 - fitLink(s).fullLength - 3)}`);
    const room = MAX_HASH_CHARS - (fitLink({ ...s, q: 'q' }).fullLength - 1);
    expect(room).toBeGreaterThan(50);
    expect(room).toBeLessThanOrEqual(200);
    const exact = { ...s, q: 'q'.repeat(room) };
    expect(fitLink(exact).fullLength).toBe(MAX_HASH_CHARS);
    expect(fitLink(exact).cut).toEqual([]);
    expect(decodeHash(encodeHash(exact))).toEqual({ state: exact, notices: [] });
    const over = { ...s, q: 'q'.repeat(room + 1) };
    expect(fitLink(over).cut).toEqual(['pub']); // the longest part goes, the search stays
    expect(decodeHash(encodeHash(over)).state.q).toBe(over.q);
  });
  it('everything but the publishers and the search, at its longest, fits with room to spare', () => {
    const s = base();
    s.camera = { zoom: 23.99, lat: -85.0511, lon: -179.9999, bearing: -179.9, pitch: 84.9 };
    s.layers = LAYER_IDS.slice(1);
    s.cat = CATEGORIES.slice(1);
    s.conf = CONFIDENCES.slice(1);
    s.src = SOURCE_KINDS.slice(1);
    s.from = '1990-01-01';
    s.to = '2100-12-31';
    s.w = 100;
    s.sel = `a${'-'.repeat(63)}`;
    s.cor = `b${'-'.repeat(63)}`;
    s.ind = `c${'-'.repeat(63)}`;
    s.sc = 'S4';
    s.d = 'ffffffff';
    s.imp = true;
    s.af = '文'.repeat(120); // the longest file name: 1,080 link characters
    s.tab = 'scenarios';
    s.cut = ['pub', 'q'];
    s.q = '北'.repeat(200); // the longest search: 1,800 link characters
    expect(fitLink(s).fullLength).toBeLessThan(MAX_HASH_CHARS / 2);
    expect(fitLink(s).cut).toEqual([]);
  });
  it('a publisher name or search a link cannot carry exactly is left out, not altered', () => {
    const s = base();
    s.pub = ['Reuters', 'Line\nbreak'];
    s.q = 'a'.repeat(201);
    const fit = fitLink(s);
    expect(fit.cut).toEqual(['pub', 'q']);
    expect(decodeHash(fit.hash).state).toEqual(without(s, ['pub', 'q']));
  });
});
