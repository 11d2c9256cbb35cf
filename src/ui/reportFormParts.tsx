/**
 * Small labelled inputs of the report form: every field has a visible label, its hint and its problem
 * tied to it (`aria-describedby`, `aria-invalid`), and an id the problem summary can move focus to.
 */
import type { ReactNode } from 'react';

/** The DOM id of a field (problem keys such as `sources.0.url` become `rf-sources-0-url`). */
export const fieldId = (key: string) => `rf-${key.replace(/\./g, '-')}`;

interface FieldProps {
  k: string;
  label: string;
  problem?: string | undefined;
  hint?: ReactNode;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled field: the input comes from `children` with the ids it must carry. */
export function Field({ k, label, problem, hint, children }: FieldProps) {
  const id = fieldId(k);
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`rf-field${problem ? ' rf-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(problem), 'aria-describedby': described })}
      {hint && (
        <span id={`${id}-hint`} className="rf-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={`${id}-problem`} className="rf-problem">
          {problem}
        </span>
      )}
    </div>
  );
}

interface ChoiceProps<T extends string> {
  k: string;
  legend: string;
  value: T | '';
  options: readonly { value: T; label: string; hint?: string }[];
  problem?: string | undefined;
  onChange: (v: T) => void;
  note?: ReactNode;
}

/** A radio group in a fieldset (arrow keys move between the options, as native radios do). */
export function Choice<T extends string>({ k, legend, value, options, problem, onChange, note }: ChoiceProps<T>) {
  const id = fieldId(k);
  return (
    <fieldset className={`rf-choice${problem ? ' rf-invalid' : ''}`} aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend>{legend}</legend>
      {options.map((o, i) => (
        <label key={o.value} className="rf-radio">
          <input
            type="radio"
            name={id}
            id={i === 0 ? id : undefined}
            value={o.value}
            checked={value === o.value}
            aria-invalid={Boolean(problem)}
            onChange={() => onChange(o.value)}
          />{' '}
          <span>
            {o.label}
            {o.hint && <span className="rf-hint"> — {o.hint}</span>}
          </span>
        </label>
      ))}
      {note}
      {problem && (
        <span id={`${id}-problem`} className="rf-problem">
          {problem}
        </span>
      )}
    </fieldset>
  );
}
