/** Filters: categories, confidence, source kind, location precision, publisher, text search. Empty selection means "all". */
import { CATEGORIES, SOURCE_KINDS, type Category, type Confidence, type LocationPrecision, type SourceKind } from '../domain/schemas';
import { CATEGORY_STYLE, css } from '../layers/style';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { actions, useStore } from '../state/store';

const CONFIDENCE_LEVELS: Confidence[] = ['high', 'moderate', 'low'];
const PRECISION_LEVELS: LocationPrecision[] = ['exact', 'settlement', 'region'];
const PRECISION_LABEL: Record<LocationPrecision, string> = {
  exact: 'Exact place',
  settlement: 'Town or facility',
  region: 'Region only',
};
const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  government: 'Government',
  'think-tank': 'Think tank',
  media: 'Media',
  'state-media': 'State media (claims)',
  imagery: 'Imagery analysis',
  intergovernmental: 'Intergovernmental',
  reference: 'Reference',
};

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

function CheckGroup<T extends string>(props: {
  legend: string;
  values: readonly T[];
  selected: readonly T[];
  label: (v: T) => string;
  swatch?: (v: T) => string;
  onChange: (next: T[]) => void;
}) {
  const all = props.selected.length === 0;
  return (
    <fieldset className="check-group">
      <legend>
        {props.legend} <span className="muted">{all ? '(all)' : `(${props.selected.length})`}</span>
      </legend>
      {props.values.map((v) => (
        <label key={v} className="check">
          <input
            type="checkbox"
            checked={all || props.selected.includes(v)}
            onChange={() => {
              // From "all", unticking one keeps the others; ticking every one returns to "all".
              const base = all ? [...props.values] : [...props.selected];
              const next = toggle(base, v);
              props.onChange(next.length === props.values.length ? [] : next);
            }}
          />
          {props.swatch && <span className="swatch dot" style={{ background: props.swatch(v) }} />}
          {props.label(v)}
          <button type="button" className="link only" aria-label={`Only ${props.label(v)}`} onClick={(e) => { e.preventDefault(); props.onChange([v]); }}>
            only
          </button>
        </label>
      ))}
      {!all && (
        <button type="button" className="link" onClick={() => props.onChange([])}>
          Show all
        </button>
      )}
    </fieldset>
  );
}

/** Publisher filter: a sighting passes when one of its sources has a ticked publisher. */
function Publishers({ selected }: { selected: string[] }) {
  const data = useStore((s) => s.data);
  const imported = useStore((s) => s.importedSources);
  const names = useMemo(
    () => [...new Set([...(data?.sources.values() ?? []), ...imported.values()].map((s) => s.publisher))].sort((a, b) => a.localeCompare(b)),
    [data, imported],
  );
  return (
    <details className="publishers">
      <summary>
        Publisher <span className="muted">{selected.length ? `(${selected.length})` : '(all)'}</span>
      </summary>
      <div className="publisher-list">
        {names.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={selected.includes(p)}
              onChange={() => actions.setFilters({ publishers: toggle(selected, p) })}
            />
            {p}
          </label>
        ))}
      </div>
      {selected.length > 0 && (
        <button type="button" className="link" onClick={() => actions.setFilters({ publishers: [] })}>
          Any publisher
        </button>
      )}
    </details>
  );
}

export function FilterPanel() {
  // Only the filters this panel shows: a time-window step or a width change does not re-render it.
  const f = useStore(
    useShallow((s) => ({
      query: s.filters.query,
      categories: s.filters.categories,
      confidences: s.filters.confidences,
      sourceKinds: s.filters.sourceKinds,
      publishers: s.filters.publishers,
      precisions: s.filters.precisions,
    })),
  );
  return (
    <section className="panel-section" aria-labelledby="filters-h">
      <h2 id="filters-h">Filters</h2>
      <label className="field">
        Search names and summaries
        <input
          type="search"
          value={f.query}
          placeholder="e.g. Tumangang, KN-23, 528th"
          maxLength={200}
          onChange={(e) => actions.setFilters({ query: e.target.value })}
        />
      </label>
      <CheckGroup<Category>
        legend="Category"
        values={CATEGORIES}
        selected={f.categories}
        label={(c) => CATEGORY_STYLE[c].label}
        swatch={(c) => css(CATEGORY_STYLE[c].colour)}
        onChange={(categories) => actions.setFilters({ categories })}
      />
      <CheckGroup<Confidence>
        legend="Confidence"
        values={CONFIDENCE_LEVELS}
        selected={f.confidences}
        label={(c) => c[0]!.toUpperCase() + c.slice(1)}
        onChange={(confidences) => actions.setFilters({ confidences })}
      />
      <CheckGroup<SourceKind>
        legend="Source kind"
        values={SOURCE_KINDS}
        selected={f.sourceKinds}
        label={(k) => SOURCE_KIND_LABEL[k]}
        onChange={(sourceKinds) => actions.setFilters({ sourceKinds })}
      />
      <CheckGroup<LocationPrecision>
        legend="Location precision"
        values={PRECISION_LEVELS}
        selected={f.precisions}
        label={(p) => PRECISION_LABEL[p]}
        onChange={(precisions) => actions.setFilters({ precisions })}
      />
      <Publishers selected={f.publishers} />
      <button type="button" onClick={() => actions.resetFilters()}>
        Reset filters
      </button>
    </section>
  );
}
