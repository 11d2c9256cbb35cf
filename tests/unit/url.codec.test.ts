import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  DEFAULT_URL_STATE,
  MAX_NOTICES,
  UrlStateSchema,
  cloneUrlState,
  contentHash,
  dataVersionNotice,
  decodeHash,
  encodeHash,
  type UrlState,
} from '../../src/url';

const MAP = 'map=4.20/50.1000/95.3000';

describe('encodeHash', () => {
  it('writes the documented example link from its state', () => {
    const s = cloneUrlState(DEFAULT_URL_STATE);
    s.camera = { zoom: 4.2, lat: 50.1, lon: 95.3, bearing: 0, pitch: 0 };
    s.layers = ['rail', 'sea', 'areas', 'sightings'];
    s.from = '2024-10-01';
    s.to = '2025-03-31';
    s.cat = ['troop-movement', 'training'];
    s.conf = ['high', 'moderate'];
    s.w = 40;
    s.sel = 's-042';
    s.sc = 'S2';
    expect(encodeHash(s)).toBe(
      '#v=1&map=4.20/50.1000/95.3000&layers=rail,sea,areas,sightings&from=2024-10-01&to=2025-03-31' +
        '&cat=troop-movement,training&conf=high,moderate&w=40&sel=s-042&sc=S2',
    );
  });

  it('leaves out defaults but always writes v and map', () => {
    expect(encodeHash(DEFAULT_URL_STATE)).toBe('#v=1&map=3.00/50.0000/100.0000');
  });

  it('rounds the camera and writes bearing/pitch only when non-zero', () => {
    const s = cloneUrlState(DEFAULT_URL_STATE);
    s.camera = { zoom: 4.23456, lat: 50.123456, lon: -0.000001, bearing: 12.34, pitch: 0 };
    expect(encodeHash(s)).toBe('#v=1&map=4.23/50.1235/0.0000&bp=12.3/0.0');
  });

  it('writes lists in canonical order whatever order the state has', () => {
    const s = cloneUrlState(DEFAULT_URL_STATE);
    s.conf = ['low', 'high', 'low'];
    s.pub = ['Reuters', '38 North'];
    expect(encodeHash(s)).toBe('#v=1&map=3.00/50.0000/100.0000&conf=high,low&pub=38%20North,Reuters');
  });

  it('percent-encodes search text so it cannot break the link', () => {
    const s = cloneUrlState(DEFAULT_URL_STATE);
    s.q = 'a&b=c, d+e #f %';
    const hash = encodeHash(s);
    expect(hash).toBe('#v=1&map=3.00/50.0000/100.0000&q=a%26b%3Dc%2C%20d%2Be%20%23f%20%25');
    expect(decodeHash(hash).state.q).toBe(s.q);
  });
});

describe('decodeHash notices', () => {
  const cases: [string, string][] = [
    [`#v=1&${MAP}&w=500`, 'Ignored "w=500": corridor width must be 5–100 km'],
    [`#v=1&${MAP}&w=12.5`, 'Ignored "w=12.5": corridor width must be 5–100 km'],
    [`#v=3&${MAP}`, 'Link is from a newer version (v=3); some settings may be ignored'],
    [`#v=x&${MAP}`, 'Ignored "v=x": not a version number; read as v=1'],
    [`#v=1&${MAP}&from=1989-12-31`, 'Ignored "from=1989-12-31": dates must be between 1990-01-01 and 2100-12-31'],
    [`#v=1&${MAP}&to=2101-01-01`, 'Ignored "to=2101-01-01": dates must be between 1990-01-01 and 2100-12-31'],
    [`#v=1&${MAP}&tab=map`, 'Ignored "tab=map": panel must be details, corridors, scenarios'],
    [`#v=1&${MAP}&cut=everything`, 'Ignored "cut=everything": no known left-out part'],
    [`#v=1&${MAP}&to=2025-02-30`, 'Ignored "to=2025-02-30": not a calendar date'],
    [`#v=1&${MAP}&from=yesterday`, 'Ignored "from=yesterday": expected a date YYYY-MM-DD'],
    [`#v=1&${MAP}&cat=training,artillery`, 'Ignored unknown category "artillery" in "cat"'],
    [`#v=1&${MAP}&conf=certain`, 'Ignored "conf=certain": no known confidence level'],
    [`#v=1&${MAP}&sel=S%20042`, 'Ignored "sel=S%20042": not a valid feature id (lower-case kebab-case, up to 64 characters)'],
    [`#v=1&${MAP}&sc=S9`, 'Ignored "sc=S9": scenario must be S1, S2, S3 or S4'],
    [`#v=1&${MAP}&d=xyz`, 'Ignored "d=xyz": data version must be 8 hexadecimal digits'],
    [`#v=1&${MAP}&imp=yes`, 'Ignored "imp=yes": expected imp=1 or imp=0'],
    [`#v=1&${MAP}&q=%E0%A4%A`, 'Ignored "q=%E0%A4%A": malformed percent-encoding'],
    [`#v=1&${MAP}&colour=red`, 'Ignored unknown setting "colour=red"'],
    [`#v=1&${MAP}&w=30&w=40`, 'Ignored duplicate "w=40" (the first "w" is used)'],
    [`#v=1&map=30/0/0`, 'Ignored "map=30/0/0": zoom must be 0–24'],
    [`#v=1&map=4/0/181`, 'Ignored "map=4/0/181": longitude must be within ±180°'],
    [`#v=1&map=4/0`, 'Ignored "map=4/0": expected map=zoom/latitude/longitude'],
    [`#v=1&${MAP}&bp=0/90`, 'Ignored "bp=0/90": pitch must be 0–85°'],
    [`#v=1&${MAP}&from=2025-03-01&to=2024-03-01`, 'Ignored the dates "from=2025-03-01&to=2024-03-01": the start is after the end'],
  ];
  for (const [hash, notice] of cases) {
    it(`${hash} → ${notice}`, () => {
      const { state, notices } = decodeHash(hash);
      expect(notices).toContain(notice);
      expect(UrlStateSchema.safeParse(state).success).toBe(true);
    });
  }

  it('keeps the usable settings next to the ignored ones', () => {
    const { state, notices } = decodeHash(`#v=1&${MAP}&w=500&sc=S3&cat=training,artillery&from=1989-01-01&to=2025-01-31`);
    expect(state.camera).toEqual({ zoom: 4.2, lat: 50.1, lon: 95.3, bearing: 0, pitch: 0 });
    expect(state.w).toBe(DEFAULT_URL_STATE.w);
    expect(state.sc).toBe('S3');
    expect(state.cat).toEqual(['training']);
    expect(state.from).toBe(DEFAULT_URL_STATE.from);
    expect(state.to).toBe('2025-01-31');
    expect(notices).toHaveLength(3);
  });

  it('uses the first of duplicated keys and reads + as a space', () => {
    const { state } = decodeHash('#v=1&w=30&w=40&q=rail+cars');
    expect(state.w).toBe(30);
    expect(state.q).toBe('rail cars');
  });

  it('never returns more than MAX_NOTICES notices, and says how many more there were', () => {
    const hash = `#v=1&${Array.from({ length: 100 }, (_, i) => `k${i}=1`).join('&')}`;
    const { notices } = decodeHash(hash);
    expect(notices).toHaveLength(MAX_NOTICES);
    expect(notices[MAX_NOTICES - 1]).toBe('…and 81 more ignored settings');
  });

  it('shortens long search text to 200 characters with a notice', () => {
    const { state, notices } = decodeHash(`#v=1&q=${'x'.repeat(250)}`);
    expect(state.q).toBe('x'.repeat(200));
    expect(notices).toEqual(['Shortened the search text to 200 characters']);
  });

  it('does not read prototype keys as settings', () => {
    const { state, notices } = decodeHash('#v=1&__proto__=x&constructor=y&hasOwnProperty=z');
    expect(state).toEqual(DEFAULT_URL_STATE);
    expect(notices).toHaveLength(3);
  });

  it('returns the defaults for input that is not text', () => {
    for (const input of [undefined, null, 42, {}, ['#v=1']]) {
      const { state, notices } = decodeHash(input);
      expect(state).toEqual(DEFAULT_URL_STATE);
      expect(notices).toEqual(['Ignored the link: it is not text']);
    }
  });

  it('reads a hash inside a whole URL, and uses caller defaults for missing keys', () => {
    const defaults = { ...cloneUrlState(DEFAULT_URL_STATE), w: 50 };
    const { state } = decodeHash('https://example.org/corridor-watch/#v=1&sc=S4', defaults);
    expect(state.sc).toBe('S4');
    expect(state.w).toBe(50);
  });

  it('reads a 1 MB hash quickly, with a notice that it was cut', () => {
    const huge = `#v=1&${MAP}&sc=S1&q=${'a'.repeat(1_048_576)}`;
    const t0 = performance.now();
    const { state, notices } = decodeHash(huge);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(250);
    expect(state.sc).toBe('S1');
    expect(state.q).toBe('');
    expect(notices[0]).toMatch(/^Link is too long \(1,048,6\d\d characters\); only the first 8,192 were read$/);
  });
});

describe('calendar', () => {
  it('any real calendar day from 1990 to 2100 is a window edge, with no notice', () => {
    for (const [from, to] of [['1990-01-01', '2100-12-31'], ['2022-06-01', '2027-03-31'], ['2028-02-29', '2028-02-29'], ['2099-12-31', '2100-01-01']]) {
      const { state, notices } = decodeHash(`#v=1&${MAP}&from=${from}&to=${to}`);
      expect([state.from, state.to]).toEqual([from, to]);
      expect(notices).toEqual([]);
    }
  });
  it('a link naming only to=2027-03-31 opens without a notice', () => {
    const { state, notices } = decodeHash(`#v=1&${MAP}&to=2027-03-31`);
    expect(state.to).toBe('2027-03-31');
    expect(state.from).toBe(DEFAULT_URL_STATE.from);
    expect(notices).toEqual([]);
  });
  it('days that are not on the calendar are refused (2100 is not a leap year; 2000 is)', () => {
    expect(decodeHash(`#v=1&${MAP}&to=2100-02-29`).notices).toEqual(['Ignored "to=2100-02-29": not a calendar date']);
    expect(decodeHash(`#v=1&${MAP}&from=2000-02-01&to=2000-02-29`).notices).toEqual([]);
  });
  it('a link without dates keeps the v1 window it always meant', () => {
    expect([DEFAULT_URL_STATE.from, DEFAULT_URL_STATE.to]).toEqual(['2023-01-01', '2026-12-31']);
    expect(decodeHash(`#v=1&${MAP}`).state.to).toBe('2026-12-31');
  });
});

describe('right-hand panel', () => {
  it('tab= opens the link on Corridors or Scenarios; Details is the default and is left out', () => {
    for (const tab of ['corridors', 'scenarios'] as const) {
      const s = { ...cloneUrlState(DEFAULT_URL_STATE), tab };
      const hash = encodeHash(s);
      expect(hash).toBe(`#v=1&map=3.00/50.0000/100.0000&tab=${tab}`);
      expect(decodeHash(hash).state.tab).toBe(tab);
    }
    expect(encodeHash(DEFAULT_URL_STATE)).not.toContain('tab=');
    expect(decodeHash('#v=1&cor=khasan-tumangang-rail').state.tab).toBe('details');
  });
});

describe('data version', () => {
  it('contentHash is FNV-1a 32 over UTF-8, 8 hex digits', () => {
    // Published FNV-1a 32-bit test vectors.
    expect(contentHash('')).toBe('811c9dc5');
    expect(contentHash('a')).toBe('e40c292c');
    expect(contentHash('foobar')).toBe('bf9cf968');
    expect(contentHash('é')).not.toBe(contentHash('e'));
    expect(contentHash('{"type":"FeatureCollection"}')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('dataVersionNotice speaks only when the versions differ', () => {
    expect(dataVersionNotice('1a2b3c4d', '1a2b3c4d')).toBeNull();
    expect(dataVersionNotice(null, '1a2b3c4d')).toBeNull();
    expect(dataVersionNotice('1a2b3c4d', '9f8e7d6c')).toBe(
      'This link was made with other data (version 1a2b3c4d; now 9f8e7d6c): counts and selections may differ',
    );
  });
});

describe('types', () => {
  it('the zod schema and the UrlState interface describe the same shape', () => {
    expectTypeOf<z.infer<typeof UrlStateSchema>>().toEqualTypeOf<UrlState>();
    expect(UrlStateSchema.safeParse(DEFAULT_URL_STATE).success).toBe(true);
  });
});
