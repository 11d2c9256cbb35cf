import fc from 'fast-check';
import { restoreImports } from '../../src/state/import';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CATEGORIES, SOURCE_KINDS } from '../../src/domain/schemas';
import { CONFIDENCES, allocColumns } from '../../src/metrics/columns';
import { MAX_HASH_CHARS, SCENARIO_IDS, cutNotice, decodeHash, encodeHash, fitLink } from '../../src/url';
import { makeColumnarSet } from '../../src/state/sightingSets';
import { actions, initialState, useStore, type AppState } from '../../src/state/store';
import { DEFAULT_CAMERA, LAYER_IDS, type Camera, type Filters } from '../../src/state/types';
import { URL_DEFAULTS, applyUrlState, restoreFromHash, roundCamera, startUrlSync, toUrlState } from '../../src/state/urlSync';
import { deepFreeze } from './metrics/helpers';

beforeEach(() => {
  useStore.setState(initialState());
});

const cam = (zoom: number, lat: number, lon: number, bearing = 0, pitch = 0): Camera => deepFreeze({ zoom, lat, lon, bearing, pitch });
const view = (s: AppState) => ({ filters: s.filters, layers: s.layers, selection: s.selection, camera: s.camera });

describe('roundCamera', () => {
  test('link precision: zoom 2 decimals, lat/lon 4, bearing/pitch 1', () => {
    // 4.56789 → 4.57; 50.123456 → 50.1235; 95.987654 → 95.9877; 12.36 → 12.4; 30.06 → 30.1
    expect(roundCamera(cam(4.56789, 50.123456, 95.987654, 12.36, 30.06))).toEqual({ zoom: 4.57, lat: 50.1235, lon: 95.9877, bearing: 12.4, pitch: 30.1 });
    // Values already at precision are unchanged.
    expect(roundCamera(cam(2.6, 51, 84))).toEqual(DEFAULT_CAMERA);
  });
  test('longitude wraps into −180…180', () => {
    expect(roundCamera(cam(3, 0, 190)).lon).toBe(-170); // 190 − 360
    expect(roundCamera(cam(3, 0, -190)).lon).toBe(170); // −190 + 360
    expect(roundCamera(cam(3, 0, 200.5)).lon).toBe(-159.5);
    expect(roundCamera(cam(3, 0, 370)).lon).toBe(10); // one full turn
    expect(roundCamera(cam(3, 0, -725)).lon).toBe(-5); // two turns west
    expect(roundCamera(cam(3, 0, 179.9)).lon).toBe(179.9);
    expect(roundCamera(cam(3, 0, -180)).lon).toBe(-180);
    expect(roundCamera(cam(3, 0, 180)).lon).toBe(-180); // the same meridian, written one way
  });
  test('clamps to what a link accepts: a small window fits the theatre below zoom 0, a link cannot say that', () => {
    // 800×500 frames Kursk to Rajin at zoom −0.49 (MapLibre allows down to −2); the link must say 0.
    expect(roundCamera(cam(-0.49, 51, 84)).zoom).toBe(0);
    expect(roundCamera(cam(-2, 51, 84)).zoom).toBe(0);
    expect(roundCamera(cam(24.5, 51, 84)).zoom).toBe(24);
    expect(roundCamera(cam(3, 86, 84)).lat).toBe(85.0511);
    expect(roundCamera(cam(3, -89.99, 84)).lat).toBe(-85.0511);
    expect(roundCamera(cam(3, 0, 0, 0, 90)).pitch).toBe(85);
    expect(roundCamera(cam(3, 0, 0, 190, 0)).bearing).toBe(-170);
    expect(roundCamera(cam(3, 0, 0, 180, 0)).bearing).toBe(180); // MapLibre's own range is (−180, 180]
    expect(roundCamera(cam(Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN))).toEqual(cam(0, 0, 0));
  });
  test('any camera at all becomes one a link carries unchanged', () => {
    const any = fc.record({ zoom: fc.double(), lat: fc.double(), lon: fc.double(), bearing: fc.double(), pitch: fc.double() });
    fc.assert(
      fc.property(any, (c) => {
        const r = roundCamera(c);
        const u = { ...URL_DEFAULTS, camera: r };
        expect(decodeHash(encodeHash(u, URL_DEFAULTS), URL_DEFAULTS)).toEqual({ state: u, notices: [] });
      }),
      { numRuns: 500 },
    );
  });
  test('never gives −0 (a tiny negative rounds to plain 0, as the link writes it)', () => {
    const c = roundCamera(cam(0.001, -0.00001, -0.00004, -0.01, 0));
    expect(Object.is(c.zoom, 0)).toBe(true);
    expect(Object.is(c.lat, 0)).toBe(true);
    expect(Object.is(c.lon, 0)).toBe(true);
    expect(Object.is(c.bearing, 0)).toBe(true);
  });
});

describe('toUrlState', () => {
  test('the default store is the link defaults: only v and map are written', () => {
    const u = toUrlState(useStore.getState(), null);
    expect(u).toEqual(URL_DEFAULTS);
    // map = DEFAULT_CAMERA: 2.6 / 51 / 84.
    expect(encodeHash(u, URL_DEFAULTS)).toBe('#v=1&map=2.60/51.0000/84.0000');
  });
  test('empty filter lists become every value; lists are canonical; width rounded; unknown scenario dropped', () => {
    useStore.setState({
      filters: deepFreeze<Filters>({
        from: '2024-01-01',
        to: '2024-06-30',
        categories: ['training', 'munitions-shipment'],
        confidences: [],
        sourceKinds: ['media'],
        precisions: ['region', 'exact'],
        publishers: ['Reuters', 'ISW'],
        query: 'Rajin',
        widthKm: 37.6,
      }),
      selection: { featureId: 'x-1', corridorId: null, scenarioId: 'S9', indicatorId: null },
    });
    const u = toUrlState(useStore.getState(), 'abcdef01');
    expect(u.cat).toEqual(['munitions-shipment', 'training']); // CATEGORIES order
    expect(u.conf).toEqual(['high', 'moderate', 'low']);
    expect(u.src).toEqual(['media']);
    expect(u.prec).toEqual(['exact', 'region']);
    expect(u.pub).toEqual(['ISW', 'Reuters']);
    expect(u.w).toBe(38);
    expect(u.sc).toBeNull();
    expect(u.sel).toBe('x-1');
    expect(u.d).toBe('abcdef01');
  });
  test('imp says whether imported reports are loaded', () => {
    expect(toUrlState(useStore.getState(), null).imp).toBe(false);
    actions.putSightingSet(makeColumnarSet('imported', allocColumns(0, [])));
    expect(toUrlState(useStore.getState(), null).imp).toBe(false); // an empty import carries nothing
    actions.putSightingSet(makeColumnarSet('imported', allocColumns(1, ['imp-a-1'])));
    expect(toUrlState(useStore.getState(), null).imp).toBe(true);
  });
});

// ---- Round trip: store view → link → store view ----

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(1990, 0, 1); // the first day a link names
const LAST = Date.UTC(2100, 11, 31); // the last
const isoDay = (i: number) => new Date(FIRST + i * DAY_MS).toISOString().slice(0, 10);
const scaled = (min: number, max: number, scale: number) => fc.integer({ min, max }).map((n) => n / scale);
const hasControl = (s: string) => /[\u0000-\u001f\u007f]/.test(s);
/** Text with the characters that are special in links, mixed with any Unicode (no control characters). */
const piece = fc.oneof(
  fc.constantFrom(',', '&', '=', '#', '%', '+', ' ', '/', '?', '%2C', '%2B', 'é', '한', '😀', 'Rajin', 'constructor', '__proto__', 'toString', 'hasOwnProperty'),
  fc.string({ unit: 'binary', maxLength: 2 }),
);
const text = (max: number) => fc.array(piece, { maxLength: max }).map((a) => a.join('')).filter((s) => s.length <= max && !hasControl(s));
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** Store views a user can reach, with the camera at link precision. */
const storeView = fc.record({
  camera: fc.record({
    zoom: scaled(0, 2400, 100),
    lat: scaled(-850511, 850511, 10_000),
    lon: scaled(-1_800_000, 1_799_999, 10_000), // the map reports −180 ≤ lon < 180
    bearing: scaled(-1800, 1800, 10),
    pitch: scaled(0, 850, 10),
  }),
  layers: fc.record(Object.fromEntries(LAYER_IDS.map((l) => [l, fc.boolean()])) as Record<(typeof LAYER_IDS)[number], fc.Arbitrary<boolean>>),
  days: fc.tuple(fc.integer({ min: 0, max: (LAST - FIRST) / DAY_MS }), fc.integer({ min: 0, max: (LAST - FIRST) / DAY_MS })),
  categories: fc.subarray([...CATEGORIES]),
  confidences: fc.subarray([...CONFIDENCES]),
  sourceKinds: fc.subarray([...SOURCE_KINDS]),
  precisions: fc.subarray(['exact', 'settlement', 'region'] as const),
  // Publisher names as the data and imports give them, up to ten of 100 CJK characters (over the 8 KB cap).
  publishers: fc.oneof(
    fc.uniqueArray(text(100).map((s) => s.trim()).filter((s) => s.length > 0), { maxLength: 30 }),
    fc.uniqueArray(fc.array(fc.integer({ min: 0x4e00, max: 0x9fff }), { minLength: 80, maxLength: 100 }).map((a) => String.fromCodePoint(...a)), { minLength: 6, maxLength: 10 }),
  ),
  tab: fc.constantFrom('details', 'corridors', 'scenarios' as const),
  query: text(200),
  widthKm: fc.integer({ min: 5, max: 100 }),
  featureId: fc.option(id),
  corridorId: fc.option(id),
  scenarioId: fc.option(fc.constantFrom(...SCENARIO_IDS)),
  indicatorId: fc.option(id),
});

describe('link round trip', () => {
  test('toUrlState → encodeHash → decodeHash → applyUrlState gives back the same view', () => {
    let cuts = 0;
    fc.assert(
      fc.property(storeView, (g) => {
        const filters: Filters = {
          from: isoDay(Math.min(...g.days)),
          to: isoDay(Math.max(...g.days)),
          categories: g.categories,
          confidences: g.confidences,
          sourceKinds: g.sourceKinds,
          precisions: g.precisions,
          publishers: g.publishers,
          query: g.query,
          widthKm: g.widthKm,
        };
        const selection = { featureId: g.featureId, corridorId: g.corridorId, scenarioId: g.scenarioId, indicatorId: g.indicatorId };
        useStore.setState({ ...initialState(), camera: g.camera, layers: g.layers, filters, selection });
        useStore.setState((s) => ({ ui: { ...s.ui, panel: g.tab } }));

        const fit = fitLink(toUrlState(useStore.getState(), null), URL_DEFAULTS);
        expect(fit.hash.length - 1).toBeLessThanOrEqual(MAX_HASH_CHARS);
        const decoded = decodeHash(fit.hash, URL_DEFAULTS);
        // A link that had to leave the publishers out says so, and says nothing else.
        expect(decoded.notices).toEqual(fit.cut.length ? [cutNotice(fit.cut)] : []);
        expect(fit.cut).toEqual(fit.fullLength > MAX_HASH_CHARS ? ['pub'] : []);
        if (fit.cut.length) cuts++;
        useStore.setState(initialState()); // nothing may survive from before
        applyUrlState(decoded.state, true);

        const s = useStore.getState();
        // Every value ticked is the same as none ticked ("all"); publishers come back sorted.
        const allOrSome = <T>(list: T[], universe: readonly T[]) => (list.length === universe.length ? [] : list);
        expect(view(s)).toEqual({
          camera: g.camera,
          layers: g.layers,
          selection,
          filters: {
            ...filters,
            categories: allOrSome(g.categories, CATEGORIES),
            confidences: allOrSome(g.confidences, CONFIDENCES),
            sourceKinds: allOrSome(g.sourceKinds, SOURCE_KINDS),
            precisions: allOrSome(g.precisions, ['exact', 'settlement', 'region']),
            publishers: fit.cut.includes('pub') ? [] : [...g.publishers].sort(),
          },
        });
        expect(s.ui.panel).toBe(g.tab);
        expect(s.cameraFromLink).toBe(true);
        expect(s.notices).toEqual([]);
      }),
      { numRuns: 400 },
    );
    expect(cuts).toBeGreaterThan(20); // the generator does reach the cap
  });
  test('any camera comes back as its rounded form', () => {
    const any = fc.record({
      zoom: fc.double({ min: 0, max: 24, noNaN: true }),
      lat: fc.double({ min: -85.0511, max: 85.0511, noNaN: true }),
      lon: fc.double({ min: -540, max: 540, noNaN: true }),
      bearing: fc.double({ min: -180, max: 180, noNaN: true }),
      pitch: fc.double({ min: 0, max: 85, noNaN: true }),
    });
    fc.assert(
      fc.property(any, (camera) => {
        useStore.setState({ camera });
        const { state, notices } = decodeHash(encodeHash(toUrlState(useStore.getState(), null), URL_DEFAULTS), URL_DEFAULTS);
        expect(notices).toEqual([]);
        applyUrlState(state, true);
        expect(useStore.getState().camera).toEqual(roundCamera(camera));
      }),
      { numRuns: 300 },
    );
  });
});

describe('applyUrlState', () => {
  test('a link with no categories shows all, and says so', () => {
    const { state } = decodeHash('#v=1&cat=', URL_DEFAULTS);
    expect(state.cat).toEqual([]);
    applyUrlState(state, false);
    const s = useStore.getState();
    expect(s.filters.categories).toEqual([]); // the store's "all"
    expect(s.notices.map((n) => [n.level, n.text])).toEqual([['info', 'The link selected no categories; showing all.']]);
  });
  test('no confidence levels or source kinds: all, with a notice each', () => {
    applyUrlState(decodeHash('#v=1&conf=&src=', URL_DEFAULTS).state, false);
    const s = useStore.getState();
    expect(s.filters.confidences).toEqual([]);
    expect(s.filters.sourceKinds).toEqual([]);
    expect(s.notices.map((n) => n.text)).toEqual([
      'The link selected no confidence levels; showing all.',
      'The link selected no source kinds; showing all.',
    ]);
  });
  test('without a camera the store keeps its own', () => {
    useStore.setState({ camera: cam(6, 45, 130) });
    applyUrlState(decodeHash('#v=1&map=4.00/50.0000/90.0000', URL_DEFAULTS).state, false);
    expect(useStore.getState().camera).toEqual(cam(6, 45, 130));
    expect(useStore.getState().cameraFromLink).toBe(false);
  });
});

describe('restoreFromHash', () => {
  test('an empty hash changes nothing', () => {
    useStore.setState({ filters: { ...initialState().filters, widthKm: 60 } });
    expect(restoreFromHash('')).toEqual({ linkDataVersion: null, imported: false, fromLink: false });
    expect(restoreFromHash('#')).toEqual({ linkDataVersion: null, imported: false, fromLink: false });
    expect(useStore.getState().filters.widthKm).toBe(60);
    expect(useStore.getState().notices).toEqual([]);
  });
  test('a link with map= names the camera', () => {
    restoreFromHash('#v=1&map=4.00/50.0000/90.0000&w=40');
    const s = useStore.getState();
    expect(s.cameraFromLink).toBe(true);
    expect(s.camera).toEqual({ zoom: 4, lat: 50, lon: 90, bearing: 0, pitch: 0 });
    expect(s.filters.widthKm).toBe(40);
  });
  test('a link without one keeps the store camera and lets the map frame the theatre', () => {
    useStore.setState({ camera: cam(6, 45, 130) });
    restoreFromHash('#v=1&w=40&sc=S2');
    const s = useStore.getState();
    expect(s.cameraFromLink).toBe(false);
    expect(s.camera).toEqual(cam(6, 45, 130));
    expect(s.filters.widthKm).toBe(40);
    expect(s.selection.scenarioId).toBe('S2');
  });
  test('an unusable camera ("map=999/0/0", zoom out of range) does not count as named', () => {
    useStore.setState({ camera: cam(6, 45, 130) });
    restoreFromHash('#v=1&map=999/0/0&w=40');
    const s = useStore.getState();
    expect(s.cameraFromLink).toBe(false);
    expect(s.camera).toEqual(cam(6, 45, 130));
    expect(s.filters.widthKm).toBe(40);
  });
  test('"map=" inside a search text is not a camera', () => {
    // q=map%3D1 decodes to the text "map=1".
    restoreFromHash('#v=1&q=map%3D1');
    expect(useStore.getState().cameraFromLink).toBe(false);
    expect(useStore.getState().filters.query).toBe('map=1');
  });
  test('an old (v0) link with a bare zoom/lat/lon names the camera too', () => {
    restoreFromHash('#4.2/50.1/95.3&date=2024-10-01..2025-03-31');
    const s = useStore.getState();
    expect(s.cameraFromLink).toBe(true);
    expect(s.camera).toEqual({ zoom: 4.2, lat: 50.1, lon: 95.3, bearing: 0, pitch: 0 });
    expect([s.filters.from, s.filters.to]).toEqual(['2024-10-01', '2025-03-31']);
  });
  test('returns the link’s data version and whether it had imports', () => {
    expect(restoreFromHash('#v=1&d=0123ABCD')).toEqual({ linkDataVersion: '0123abcd', imported: false, file: null, fromLink: true });
    expect(restoreFromHash('#v=1&imp=1')).toEqual({ linkDataVersion: null, imported: true, file: null, fromLink: true });
  });
  test('what the link could not use is listed in one warning; the rest is applied', () => {
    restoreFromHash('#v=1&w=500&sc=S3');
    const s = useStore.getState();
    expect(s.filters.widthKm).toBe(25); // the default
    expect(s.selection.scenarioId).toBe('S3');
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]).toMatchObject({
      level: 'warning',
      text: 'Parts of this link could not be used and were ignored:',
      details: ['Ignored "w=500": corridor width must be 5–100 km'],
    });
  });
});

// ---- startUrlSync: needs window.location and window.history, given here as a minimal stub ----

interface FakeWindow {
  location: { hash: string };
  history: { pushState: (d: unknown, t: string, h: string) => void; replaceState: (d: unknown, t: string, h: string) => void };
  addEventListener: (type: string, fn: () => void) => void;
  removeEventListener: (type: string, fn: () => void) => void;
}

describe('startUrlSync (with a stub window)', () => {
  let calls: [string, string][];
  let listeners: Map<string, () => void>;
  let fake: FakeWindow;

  beforeEach(() => {
    vi.useFakeTimers();
    calls = [];
    listeners = new Map();
    fake = {
      location: { hash: '' },
      history: {
        pushState: (_d, _t, h) => {
          calls.push(['push', h]);
          fake.location.hash = h;
        },
        replaceState: (_d, _t, h) => {
          calls.push(['replace', h]);
          fake.location.hash = h;
        },
      },
      addEventListener: (type, fn) => listeners.set(type, fn),
      removeEventListener: (type, fn) => {
        if (listeners.get(type) === fn) listeners.delete(type);
      },
    };
    (globalThis as { window?: unknown }).window = fake;
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
    vi.useRealTimers();
  });

  const BASE = '#v=1&map=2.60/51.0000/84.0000';
  const NO_IMPORTED = 'layers=rail,sea,nodes,areas,sightings,labels,corridors';

  test('writes the link at once, then pushes deliberate steps and replaces continuous changes', () => {
    const stop = startUrlSync(() => null, { linkDataVersion: null, imported: false });
    expect(calls).toEqual([['replace', BASE]]);

    actions.toggleLayer('imported', false); // deliberate
    vi.advanceTimersByTime(249);
    expect(calls).toHaveLength(1); // debounced
    vi.advanceTimersByTime(1);
    expect(calls[1]).toEqual(['push', `${BASE}&${NO_IMPORTED}`]);

    actions.setCamera(cam(5, 50, 90)); // continuous
    actions.setFilters({ query: 'rail' });
    vi.advanceTimersByTime(250);
    // Both changes in one write.
    expect(calls.slice(2)).toEqual([['replace', `#v=1&map=5.00/50.0000/90.0000&${NO_IMPORTED}&q=rail`]]);
    stop();
  });
  test('Back/Forward (popstate) puts the link into the store without writing it again', () => {
    const stop = startUrlSync(() => null, { linkDataVersion: null, imported: false });
    fake.location.hash = '#v=1&map=3.00/40.0000/80.0000&w=60';
    listeners.get('popstate')!();
    vi.advanceTimersByTime(1000);
    const s = useStore.getState();
    expect(s.camera).toEqual({ zoom: 3, lat: 40, lon: 80, bearing: 0, pitch: 0 });
    expect(s.filters.widthKm).toBe(60);
    expect(calls).toEqual([['replace', BASE]]);
    stop();
  });
  test('after stop nothing is written and the listener is gone', () => {
    const stop = startUrlSync(() => null, { linkDataVersion: null, imported: false });
    stop();
    expect(listeners.has('popstate')).toBe(false);
    actions.toggleLayer('rail', false);
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([['replace', BASE]]);
  });
  test('a view too long for a link: the sharer is warned once, and the warning goes when it fits again', () => {
    const stop = startUrlSync(() => null, { linkDataVersion: null, imported: false });
    const long = Array.from({ length: 10 }, (_, i) => `${'北'.repeat(99)}${i}`);
    actions.setFilters({ publishers: long });
    vi.advanceTimersByTime(250);
    const warnings = () => useStore.getState().notices.filter((n) => n.text.startsWith('The link to this view leaves out'));
    // v=1&map=2.60/51.0000/84.0000 is 28 characters, "&pub=" 5, each name 99 × 9 (%E5%8C%97) + 1 = 892,
    // ten names and nine commas 8,929: 8,962 in all.
    expect(warnings().map((n) => n.text)).toEqual([
      'The link to this view leaves out the publisher filter (with it the link would be 8,962 characters; links hold 8,192). Whoever opens it is told.',
    ]);
    expect(fake.location.hash).toBe(`${BASE}&cut=pub`);
    actions.setFilters({ query: 'rail' }); // still too long: no second warning
    vi.advanceTimersByTime(250);
    expect(warnings()).toHaveLength(1);
    actions.setFilters({ publishers: long.slice(0, 2) });
    vi.advanceTimersByTime(250);
    expect(warnings()).toEqual([]);
    expect(decodeHash(fake.location.hash, URL_DEFAULTS).state.pub).toEqual(long.slice(0, 2));
    stop();
  });
  test('the right-hand tab is a deliberate step (pushed) and comes back on Back', () => {
    const stop = startUrlSync(() => null, { linkDataVersion: null, imported: false });
    actions.setUi({ panel: 'corridors' });
    vi.advanceTimersByTime(250);
    expect(calls[1]).toEqual(['push', `${BASE}&tab=corridors`]);
    fake.location.hash = BASE;
    listeners.get('popstate')!();
    expect(useStore.getState().ui.panel).toBe('details');
    stop();
  });
  test('the data version goes into the link; other data gets a notice, imports one only when none are restored', async () => {
    const stop = startUrlSync(() => '0000abcd', { linkDataVersion: '1111ef00', imported: true });
    expect(calls).toEqual([['replace', `${BASE}&d=0000abcd`]]);
    // 1111ef00 is no release of this data (and no data is bundled here), so the plain notice comes once
    // the release comparison, loaded on demand, has said it cannot compare (no wall clock: once its
    // import has settled, only promise steps are left).
    await vi.dynamicImportSettled();
    await vi.waitFor(() =>
      expect(useStore.getState().notices.map((n) => [n.level, n.text])).toEqual([
        ['warning', 'This link was made with other data (version 1111ef00; now 0000abcd): counts and selections may differ'],
      ]),
    );
    // Nothing is saved in this browser (no IndexedDB here): once restoring is done, that is said.
    await restoreImports();
    expect(useStore.getState().notices.map((n) => n.text).at(-1)).toBe(
      'This link was made from a view that included imported reports, which are not in this browser: a link cannot carry them.',
    );
    stop();
  });
});
