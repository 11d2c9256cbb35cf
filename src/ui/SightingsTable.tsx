/**
 * The visible sightings as a table: sortable, keyboard-navigable (arrows, Page Up/Down, Home/End,
 * Enter), virtualised (only the rows on screen are in the DOM, so a million rows scroll smoothly).
 * Picking a row selects the sighting and flies the map to it; selecting on the map scrolls here.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CATEGORIES } from '../domain/schemas';
import { CONFIDENCES } from '../metrics/columns';
import { CATEGORY_STYLE, css } from '../layers/style';
import { actions, useStore } from '../state/store';
import { selectVisible } from '../state/derived';
import { shownDate } from '../state/reportDate';
import { buildRows, rowOfId, rowText, type SortKey, type TableSort } from '../state/tableRows';

const ROW_H = 28;
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'category', label: 'Category' },
  { key: 'place', label: 'Report' },
  { key: 'confidence', label: 'Confidence' },
  { key: 'publisher', label: 'Publisher' },
];

export function SightingsTable() {
  const { visible, data, imported, selectedId } = useStore(
    useShallow((s) => ({
      visible: selectVisible(s.sightingSets, s.filters, s.layers),
      data: s.data,
      imported: s.importedSources,
      selectedId: s.selection.featureId,
    })),
  );
  const [sort, setSort] = useState<TableSort>({ key: 'date', dir: 'asc' });
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(240);
  const viewport = useRef<HTMLDivElement>(null);
  const lookup = useMemo(() => (id: string) => data?.sources.get(id) ?? imported.get(id), [data, imported]);
  const rows = useMemo(() => buildRows(visible, sort, lookup), [visible, sort, lookup]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A selection made on the map scrolls its row into view.
  useEffect(() => {
    if (!selectedId) return;
    const r = rowOfId(rows, selectedId);
    if (r < 0) return;
    setActive(r);
    const el = viewport.current;
    if (el && (r * ROW_H < el.scrollTop || (r + 1) * ROW_H > el.scrollTop + el.clientHeight)) el.scrollTop = Math.max(0, r * ROW_H - el.clientHeight / 2);
  }, [selectedId, rows]);

  const pick = (r: number) => {
    const set = rows.sets[rows.setOf[r]!];
    if (!set) return;
    const i = rows.indexOf[r]!;
    actions.select({ featureId: set.columns.ids[i]! });
    actions.flyTo(set.columns.lon[i]!, set.columns.lat[i]!);
  };

  const moveTo = (r: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, r));
    setActive(next);
    const el = viewport.current;
    if (!el) return;
    if (next * ROW_H < el.scrollTop) el.scrollTop = next * ROW_H;
    else if ((next + 1) * ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = (next + 1) * ROW_H - el.clientHeight;
  };

  const onKey = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / ROW_H) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => moveTo(active - 1),
      PageDown: () => moveTo(active + page),
      PageUp: () => moveTo(active - page),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => pick(active),
      ' ': () => pick(active),
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - 5);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_H) + 5);
  const items = [];
  for (let r = first; r < last; r++) {
    const set = rows.sets[rows.setOf[r]!]!;
    const i = rows.indexOf[r]!;
    const c = set.columns;
    const cat = CATEGORIES[c.category[i]!]!;
    const t = rowText(rows, r, lookup);
    const id = c.ids[i]!;
    // The report's own date, at its own precision (2024-10 stays 2024-10); synthetic points have only a day.
    const p = set.features?.[i]?.properties;
    const date = shownDate(set, i);
    items.push(
      <div
        key={r}
        role="row"
        id={`row-${r}`}
        aria-rowindex={r + 2}
        aria-selected={id === selectedId}
        className={`trow${r === active ? ' active' : ''}${id === selectedId ? ' selected' : ''}`}
        style={{ top: r * ROW_H }}
        onClick={() => {
          setActive(r);
          pick(r);
        }}
      >
        <span role="gridcell" title={p?.dateEnd ? `${date} – ${p.dateEnd}` : undefined}>{date}</span>
        <span role="gridcell">
          <span className="swatch dot" style={{ background: css(CATEGORY_STYLE[cat].colour) }} /> {CATEGORY_STYLE[cat].label}
        </span>
        <span role="gridcell" title={p?.own ? `Your own report: ${t.place}` : t.place}>
          {p?.own && <span className="own-badge">own</span>}
          {t.place}
        </span>
        <span role="gridcell">{CONFIDENCES[c.confidence[i]!]}</span>
        <span role="gridcell" title={t.publisher}>{t.publisher}</span>
      </div>,
    );
  }

  return (
    <section className="table-panel" aria-label="Visible sightings table">
      <div
        role="grid"
        aria-label={`Visible sightings, ${rows.length} rows`}
        aria-rowcount={rows.length + 1}
        aria-activedescendant={rows.length ? `row-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKey}
        className="grid"
      >
        <div role="row" className="thead" aria-rowindex={1}>
          {COLUMNS.map((col) => (
            <span key={col.key} role="columnheader" aria-sort={sort.key === col.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button
                type="button"
                onClick={() => setSort((s) => ({ key: col.key, dir: s.key === col.key && s.dir === 'asc' ? 'desc' : 'asc' }))}
              >
                {col.label}
                {sort.key === col.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </span>
          ))}
        </div>
        <div className="tbody" ref={viewport} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <div style={{ height: rows.length * ROW_H, position: 'relative' }}>{items}</div>
        </div>
      </div>
      {rows.length === 0 && <p className="muted empty">No sightings match the filters.</p>}
    </section>
  );
}
