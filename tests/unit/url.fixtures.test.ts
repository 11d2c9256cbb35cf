import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, UrlStateSchema, cloneUrlState, decodeHash, encodeHash, type UrlState } from '../../src/url';

const DIR = join(__dirname, '../fixtures/url');

interface Case {
  link: string;
  expected: UrlState;
  notices: string[];
}

/** Read a links-v*.txt fixture: link line, "=> " partial state, "!! " notices; ";" starts a comment. */
function readCases(file: string): Case[] {
  const cases: Case[] = [];
  for (const line of readFileSync(join(DIR, file), 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith(';')) continue;
    const last = cases[cases.length - 1];
    if (line.startsWith('=> ') && last) {
      const partial = JSON.parse(line.slice(3)) as Partial<UrlState>;
      last.expected = { ...last.expected, ...partial, camera: { ...last.expected.camera, ...partial.camera } };
    } else if (line.startsWith('!! ') && last) {
      last.notices.push(line.slice(3));
    } else {
      cases.push({ link: line, expected: cloneUrlState(DEFAULT_URL_STATE), notices: [] });
    }
  }
  return cases;
}

const files = readdirSync(DIR).filter((f) => /^links-v\d+\.txt$/.test(f));

describe('old links keep loading', () => {
  it('has a fixture file for v0 and v1', () => {
    expect(files.sort()).toEqual(expect.arrayContaining(['links-v0.txt', 'links-v1.txt']));
  });

  for (const file of files) {
    const cases = readCases(file);
    it(`${file} has cases`, () => expect(cases.length).toBeGreaterThan(3));
    for (const c of cases) {
      it(`${file}: ${c.link}`, () => {
        const { state, notices } = decodeHash(c.link);
        expect(state).toEqual(c.expected);
        expect(notices).toEqual(c.notices);
        expect(UrlStateSchema.safeParse(state).success).toBe(true);
      });
    }
  }

  it('v1 fixtures re-encode to the same link (stable key order and number format)', () => {
    for (const c of readCases('links-v1.txt')) {
      expect(encodeHash(decodeHash(c.link).state)).toBe(c.link);
    }
  });

  it('v0 links re-encode as v1 links that decode to the same state', () => {
    for (const c of readCases('links-v0.txt')) {
      const once = decodeHash(c.link).state;
      const relinked = encodeHash(once);
      expect(relinked.startsWith('#v=1&map=')).toBe(true);
      expect(decodeHash(relinked).state).toEqual(once);
    }
  });
});
