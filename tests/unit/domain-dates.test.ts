import { describe, expect, it } from 'vitest';
import { dateEndDay, dateToDay, dayToIso, reportSpan } from '../../src/domain/dates';

describe('dateToDay', () => {
  it('counts days since 1970-01-01 UTC', () => {
    expect(dateToDay('1970-01-01')).toBe(0);
    expect(dateToDay('1970-01-02')).toBe(1);
    expect(dateToDay('2000-03-01')).toBe(11017);
    expect(dateToDay('2025-12-12')).toBe(20434);
  });
  it('takes the 1st of the month for YYYY-MM', () => {
    expect(dateToDay('2025-12')).toBe(dateToDay('2025-12-01'));
  });
  it('throws on strings that are not dates (validated data never is)', () => {
    expect(() => dateToDay('12/12/2025')).toThrow(RangeError);
  });
});

describe('dateEndDay', () => {
  it('is the day itself for a full date', () => {
    expect(dateEndDay('2024-10-08')).toBe(dateToDay('2024-10-08'));
  });
  it('is the last day of the month for YYYY-MM, leap years included', () => {
    expect(dateEndDay('2024-02')).toBe(dateToDay('2024-02-29'));
    expect(dateEndDay('2025-02')).toBe(dateToDay('2025-02-28'));
    expect(dateEndDay('2023-12')).toBe(dateToDay('2023-12-31'));
    expect(dateEndDay('2025-04')).toBe(dateToDay('2025-04-30'));
  });
});

describe('dayToIso / reportSpan', () => {
  it('round-trips day numbers', () => {
    for (const iso of ['1970-01-01', '2023-07-31', '2024-02-29', '2025-12-31']) expect(dayToIso(dateToDay(iso))).toBe(iso);
  });
  it('spans a report from date to the end of dateEnd', () => {
    expect(reportSpan('2023-09-07', '2023-09-12')).toEqual([dateToDay('2023-09-07'), dateToDay('2023-09-12')]);
    expect(reportSpan('2025-08')).toEqual([dateToDay('2025-08-01'), dateToDay('2025-08-31')]);
  });
});
