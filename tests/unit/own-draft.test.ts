/** The report form's values → an own report, checked by the domain schema; hand-written drafts. */
import { describe, expect, it } from 'vitest';
import { buildOwnReport, emptyDraft, looksLikeSentences, newOwnId, type BuildContext, type ReportDraft } from '../../src/state/own/draft';

const ctx: BuildContext = {
  id: 'own-abc-0001',
  sourceId: (n) => `own-abc-0001-src-${n + 1}`,
  defaultName: 'Troop movement — Khasan',
  today: '2026-12-01',
  places: new Set(['n-khasan']),
};
const good: ReportDraft = {
  ...emptyDraft(),
  lat: '42.43',
  lon: '130.64',
  place: 'n-khasan',
  date: '2025-11-20',
  category: 'troop-movement',
  confidence: 'moderate',
  location: 'settlement',
  summary: 'A border watcher reported a troop train at Khasan.',
  sources: [{ publisher: 'Example Border Watch', title: 'Troop train', date: '2025-11-21', url: 'https://example.org/a', kind: 'media' }],
};

describe('buildOwnReport', () => {
  it('builds an own, imported report with its source, named by default', () => {
    const r = buildOwnReport(good, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feature.geometry.coordinates).toEqual([130.64, 42.43]);
    expect(r.feature.properties).toMatchObject({
      id: 'own-abc-0001', name: 'Troop movement — Khasan', date: '2025-11-20', place: 'n-khasan', own: true, imported: true,
      sources: ['own-abc-0001-src-1'],
    });
    expect(r.sources).toEqual([{ id: 'own-abc-0001-src-1', publisher: 'Example Border Watch', title: 'Troop train', date: '2025-11-21', url: 'https://example.org/a', kind: 'media' }]);
    expect(r.warnings).toEqual([]);
  });

  it('ties each problem to its field and saves nothing', () => {
    const r = buildOwnReport(
      { ...good, lat: '95', lon: 'east', date: '2025-02-30', category: '', sources: [{ ...good.sources[0]!, url: 'javascript:alert(1)', publisher: ' ' }] },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual({
      lat: 'The latitude must be between −90 and 90',
      lon: 'The longitude must be a decimal number of degrees, e.g. 130.64',
      date: 'The date 2025-02-30 is not a calendar date',
      category: 'Choose a category',
      'sources.0.publisher': 'Give the publisher (who made the claim)',
      'sources.0.url': 'The address must start with http:// or https://',
    });
  });

  it('keeps a month-only date as a month and an end before the start is refused', () => {
    const month = buildOwnReport({ ...good, precision: 'month', date: '2025-11', dateEnd: '2025-12' }, ctx);
    expect(month.ok && month.feature.properties).toMatchObject({ date: '2025-11', dateEnd: '2025-12' });
    const back = buildOwnReport({ ...good, dateEnd: '2025-11-01' }, ctx);
    expect(!back.ok && back.problems.dateEnd).toBe('The end date 2025-11-01 is before the date 2025-11-20');
  });

  it('warns (without blocking) where the sourcing rules need a judgement', () => {
    const r = buildOwnReport({ ...good, confidence: 'high', summary: 'A train was seen. Then it left.' }, ctx);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      'High confidence needs two sources from different publishers, or one documented official act: check that this is one.',
      'The summary reads as more than one sentence: a report is summed up in one neutral sentence.',
    ]);
    expect(looksLikeSentences('The U.S. Treasury named two firms.')).toBe(false);
  });

  it('refuses a place that is not a known node or area', () => {
    const r = buildOwnReport({ ...good, place: 'n-nowhere' }, ctx);
    expect(!r.ok && r.problems.place).toBe('Choose a place from the list, or none');
  });
});

describe('newOwnId', () => {
  it('is own-, the time in base 36 and a four-character random tag', () => {
    expect(newOwnId(1_700_000_000_000, () => 0.5)).toBe(`own-${(1_700_000_000_000).toString(36)}-${Math.floor(0.5 * 36 ** 4).toString(36)}`);
    expect(newOwnId(0, () => 0)).toBe('own-0-0000');
  });
});
