/**
 * When a report happened, at the precision it gives: a day, or only a month (no day is invented), with
 * an optional end for a report that spans days (or months).
 */
import type { FieldProblems } from '../state/own/draft';
import { patchDraft, useReportForm } from '../state/own/form';
import { Choice, Field } from './reportFormParts';

const PRECISION = [
  { value: 'day', label: 'A day' },
  { value: 'month', label: 'Only the month' },
] as const;

/** A date at the other precision: 2025-11-20 → 2025-11, 2025-11 → '' (a day is not invented). */
const toPrecision = (v: string, p: 'day' | 'month') => (p === 'month' ? v.slice(0, 7) : /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');

export function ReportWhen({ problems }: { problems: FieldProblems }) {
  const { precision, date, dateEnd } = useReportForm((f) => f.draft);
  const type = precision === 'month' ? 'month' : 'date';
  const hint = precision === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD';
  return (
    <fieldset className="rf-when">
      <legend>When</legend>
      <Choice
        k="precision"
        legend="The report dates it to"
        value={precision}
        options={PRECISION}
        onChange={(p) => patchDraft({ precision: p, date: toPrecision(date, p), dateEnd: toPrecision(dateEnd, p) })}
      />
      <div className="rf-row">
        <Field k="date" label={precision === 'month' ? 'Month' : 'Date'} problem={problems.date} hint={hint}>
          {(a) => <input {...a} type={type} value={date} onChange={(e) => patchDraft({ date: e.currentTarget.value })} />}
        </Field>
        <Field k="dateEnd" label="Until (optional)" problem={problems.dateEnd} hint="for a report that spans a period">
          {(a) => <input {...a} type={type} value={dateEnd} onChange={(e) => patchDraft({ dateEnd: e.currentTarget.value })} />}
        </Field>
      </div>
    </fieldset>
  );
}
