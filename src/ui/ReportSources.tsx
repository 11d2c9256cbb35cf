/**
 * The sources of a report in the form: one group per source (publisher, title, publication date,
 * address, kind), at least one; publishers already loaded are offered as the analyst types.
 */
import { SOURCE_KINDS, type SourceKind } from '../domain/schemas';
import { emptySource, type SourceDraft } from '../state/own/draftValues';
import type { FieldProblems } from '../state/own/draft';
import { patchDraft, useReportForm } from '../state/own/form';
import { useStore } from '../state/store';
import { Field, fieldId } from './reportFormParts';

const KIND_LABEL: Record<SourceKind, string> = {
  government: 'Government',
  'think-tank': 'Think tank',
  media: 'Media',
  'state-media': 'State media',
  imagery: 'Imagery analysis',
  intergovernmental: 'Intergovernmental (UN …)',
  reference: 'Reference work',
};

/** Publisher names of every loaded source, for the publisher field's suggestions. */
function usePublishers(): string[] {
  const bundled = useStore((s) => s.data?.sources);
  const imported = useStore((s) => s.importedSources);
  return [...new Set([...(bundled?.values() ?? []), ...imported.values()].map((s) => s.publisher))].sort((a, b) => a.localeCompare(b));
}

export function ReportSources({ problems }: { problems: FieldProblems }) {
  const sources = useReportForm((f) => f.draft.sources);
  const publishers = usePublishers();
  const set = (n: number, patch: Partial<SourceDraft>) => patchDraft({ sources: sources.map((s, i) => (i === n ? { ...s, ...patch } : s)) });
  const remove = (n: number) => {
    patchDraft({ sources: sources.filter((_, i) => i !== n) });
    // Focus goes to the next source's publisher, or the button that adds one.
    requestAnimationFrame(() => {
      const next = document.getElementById(fieldId(`sources.${Math.min(n, sources.length - 2)}.publisher`));
      (next ?? document.getElementById('rf-add-source'))?.focus();
    });
  };
  const p = (n: number, part: string) => problems[`sources.${n}.${part}`];
  return (
    <fieldset className="rf-sources" aria-describedby={problems.sources ? 'rf-sources-problem' : undefined}>
      <legend>Sources (at least one)</legend>
      <datalist id="rf-publishers">
        {publishers.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {sources.map((s, n) => (
        <div key={n} className="rf-source" role="group" aria-label={`Source ${n + 1}`}>
          <div className="rf-source-head">
            <strong>Source {n + 1}</strong>
            {sources.length > 1 && (
              <button type="button" className="link" onClick={() => remove(n)} aria-label={`Remove source ${n + 1}`}>
                Remove
              </button>
            )}
          </div>
          <Field k={`sources.${n}.publisher`} label="Publisher" problem={p(n, 'publisher')} hint="Who made the claim (the ministry, not the paper quoting it)">
            {(a) => <input {...a} type="text" list="rf-publishers" value={s.publisher} onChange={(e) => set(n, { publisher: e.currentTarget.value })} />}
          </Field>
          <Field k={`sources.${n}.title`} label="Title" problem={p(n, 'title')}>
            {(a) => <input {...a} type="text" value={s.title} onChange={(e) => set(n, { title: e.currentTarget.value })} />}
          </Field>
          <div className="rf-row">
            <Field k={`sources.${n}.date`} label="Published" problem={p(n, 'date')}>
              {(a) => <input {...a} type="date" value={s.date} onChange={(e) => set(n, { date: e.currentTarget.value })} />}
            </Field>
            <Field k={`sources.${n}.kind`} label="Kind">
              {(a) => (
                <select {...a} value={s.kind} onChange={(e) => set(n, { kind: e.currentTarget.value as SourceKind })}>
                  {SOURCE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABEL[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field k={`sources.${n}.url`} label="Address (http or https)" problem={p(n, 'url')}>
            {(a) => <input {...a} type="url" inputMode="url" placeholder="https://" value={s.url} onChange={(e) => set(n, { url: e.currentTarget.value })} />}
          </Field>
        </div>
      ))}
      {problems.sources && (
        <span id="rf-sources-problem" className="rf-problem">
          {problems.sources}
        </span>
      )}
      <button type="button" id="rf-add-source" onClick={() => patchDraft({ sources: [...sources, emptySource()] })}>
        Add a source
      </button>
    </fieldset>
  );
}
