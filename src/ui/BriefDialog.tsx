/**
 * The analyst brief: a printable one-page view of what is on screen — a picture of the map, the legend of
 * the visible layers, the time window and filters, the permalink, the selected scenario and the
 * citations of the visible sightings. Print styles (data-menu.css) print the brief alone.
 */
import { useEffect, useState } from 'react';
import type { Category } from '../domain/schemas';
import { CATEGORIES } from '../domain/schemas';
import { AREA_STYLE, CATEGORY_STYLE, ROUTE_MODE_STYLE, css } from '../layers/style';
import { selectVisible, selectVisibleReports, sightingAt, visibleCount } from '../state/derived';
import { positionName, selectPositions, stacksOf } from '../state/stacks';
import type { Citation } from '../state/exports';
import type { IndicatorResult } from '../metrics/indicators';
import type { ScenarioScore } from '../metrics/scoring';
import { useStore, type AppState } from '../state/store';
import type { LayerId } from '../state/types';
import { currentPermalink } from '../state/urlSync';
import { downloadUrl } from './ExportMenu';
import { Dialog } from './ImportExportDialog';
import { safeHttpUrl } from './safeUrl';
import { indicatorBadge } from './statusWord';

const LAYER_NAMES: Record<LayerId, string> = {
  rail: 'Rail routes',
  sea: 'Sea routes',
  nodes: 'Nodes (ports, crossings, hubs, ranges)',
  areas: 'Training areas and deployment zones',
  corridors: 'Selected corridor',
  sightings: 'Sightings (reports)',
  imported: 'Imported reports',
  labels: 'City labels',
};

/**
 * The map as a PNG data URL: MapLibre's canvas with deck.gl's canvas (drawn over it when not
 * interleaved) composited on one canvas. Null when there is no map canvas.
 */
export function captureMapPng(): string | null {
  const base = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
  if (!base || base.width === 0 || base.height === 0) return null;
  const container = base.closest('.map') ?? base.parentElement;
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(base, 0, 0);
  const baseBox = base.getBoundingClientRect();
  const scale = base.width / Math.max(1, baseBox.width);
  for (const c of container?.querySelectorAll('canvas') ?? []) {
    if (c === base || c.width === 0 || c.height === 0) continue;
    const box = c.getBoundingClientRect();
    ctx.drawImage(c, (box.left - baseBox.left) * scale, (box.top - baseBox.top) * scale, box.width * scale, box.height * scale);
  }
  return out.toDataURL('image/png');
}

interface BriefContent {
  png: string | null;
  permalink: string;
  createdAt: string;
  filters: string[];
  citations: Citation[];
  more: number;
  visible: number;
  imported: number;
  /** Positions holding several visible reports: name, coordinates and the reports (date, category, name). */
  stacks: { key: string; name: string; where: string; reports: string[] }[];
}

/** The store's scenario results, if the scenario panel has computed them (the slice may be absent). */
function scenarioResults(state: AppState): { scores: readonly ScenarioScore[]; indicators: readonly IndicatorResult[] } | null {
  const r = (state as unknown as { results?: { scenarios?: { scores?: unknown; indicators?: unknown } | null } | null }).results?.scenarios;
  if (!r || !Array.isArray(r.scores) || !Array.isArray(r.indicators)) return null;
  return { scores: r.scores as ScenarioScore[], indicators: r.indicators as IndicatorResult[] };
}

function Legend({ layers, categories }: { layers: AppState['layers']; categories: readonly Category[] }) {
  const on = (Object.keys(LAYER_NAMES) as LayerId[]).filter((id) => layers[id]);
  const cats = categories.length ? categories : CATEGORIES;
  return (
    <ul className="brief-legend">
      {on.map((id) => (
        <li key={id}>
          {(id === 'rail' || id === 'sea') && <span className={`swatch line ${id === 'sea' ? 'dashed' : ''}`} style={{ borderColor: css(ROUTE_MODE_STYLE[id].colour) }} />}
          {id === 'areas' && <span className="swatch area" style={{ background: css(AREA_STYLE['training-area'].fill), borderColor: css(AREA_STYLE['training-area'].line) }} />}{' '}
          {LAYER_NAMES[id]}
          {id === 'sightings' && (
            <ul className="legend cols">
              {cats.map((c) => (
                <li key={c}>
                  <span className="swatch dot" style={{ background: css(CATEGORY_STYLE[c].colour) }} /> {CATEGORY_STYLE[c].label}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function Scenario({ state }: { state: AppState }) {
  const id = state.selection.scenarioId;
  if (!id) return <p className="muted">No scenario selected.</p>;
  const results = scenarioResults(state);
  const score = results?.scores.find((x) => x.id === id);
  const indicators = results?.indicators.filter((x) => x.owner === id) ?? [];
  if (!score) return <p>Scenario <strong>{id}</strong> (no computed status in this view).</p>;
  return (
    <div>
      <p>
        <strong>{id}</strong> {score.name}: stated likelihood {score.likelihood}; score {(score.p * 100).toFixed(0)} % (
        {(score.share * 100).toFixed(0)} % of the four).
      </p>
      <p className="muted">{score.formula}</p>
      {indicators.length > 0 && (
        <dl className="brief-dl">
          {indicators.map((i) => (
            <div key={i.id}>
              <dt>{i.label}</dt>
              <dd>
                {indicatorBadge(i).label}
                {i.value !== null ? ` (value ${Number(i.value.toFixed(2))}; watch ${i.watch}, warning ${i.warning})` : ''}
                {i.history ? ` — ${i.history}` : ''}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** The brief as a modal dialog with Print and Download PNG. */
export function BriefDialog({ onClose }: { onClose: () => void }) {
  const state = useStore();
  const [content, setContent] = useState<BriefContent | null>(null);

  useEffect(() => {
    let live = true;
    // Captured before the dialog's first paint could change anything on the map.
    const png = captureMapPng();
    void import('../state/exports').then((ex) => {
      if (!live) return;
      const s = useStore.getState();
      const { citations, more } = ex.visibleCitations(s, 200);
      const imported = s.sightingSets.find((x) => x.key === 'imported')?.columns.length ?? 0;
      setContent({
        png,
        permalink: currentPermalink(),
        createdAt: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        filters: ex.filterSummary(s.filters),
        citations,
        more,
        visible: visibleCount(selectVisible(s.sightingSets, s.filters, s.layers)),
        imported,
        stacks: stacksOf(selectPositions(selectVisibleReports(s.sightingSets, s.filters, s.layers))).map((p) => ({
          key: p.key,
          name: positionName(p, s.data),
          where: `${p.lat.toFixed(2)}°, ${p.lon.toFixed(2)}°`,
          reports: p.members.map((m) => {
            const r = sightingAt(m.set, m.index).properties;
            return `${r.date} · ${CATEGORY_STYLE[r.category].label}: ${r.name} (${r.location})`;
          }),
        })),
      });
    });
    return () => {
      live = false;
    };
  }, []);

  const f = state.filters;
  const actionsBar = (
    <div className="brief-actions">
      <button type="button" data-autofocus onClick={() => window.print()}>
        Print
      </button>
      <button type="button" disabled={!content?.png} onClick={() => content?.png && downloadUrl(content.png, `corridor-watch_map_${f.from}_${f.to}.png`)}>
        Download PNG
      </button>
    </div>
  );

  return (
    <Dialog title="Analyst brief" onClose={onClose} className="brief" headerActions={actionsBar}>
      {!content ? (
        <p>Preparing the brief…</p>
      ) : (
        <div className="brief-body" data-testid="brief">
          <p className="muted">Corridor Watch · generated {content.createdAt}</p>
          {content.png ? (
            <img className="brief-map" src={content.png} alt={`Map of the current view, ${f.from} to ${f.to}`} data-testid="brief-map" />
          ) : (
            <p>The map picture is not available.</p>
          )}
          <section aria-labelledby="brief-window">
            <h3 id="brief-window">Time window and filters</h3>
            <p>
              <strong>
                {f.from} to {f.to}
              </strong>{' '}
              · {content.visible.toLocaleString('en-GB')} sightings visible
            </p>
            <ul>
              {content.filters.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="brief-legend">
            <h3 id="brief-legend">Legend (visible layers)</h3>
            <Legend layers={state.layers} categories={f.categories} />
          </section>
          <section aria-labelledby="brief-link">
            <h3 id="brief-link">Permalink</h3>
            <p className="brief-permalink">
              <a href={content.permalink} data-testid="brief-permalink">
                {content.permalink}
              </a>
            </p>
            {content.imported > 0 && (
              <p className="brief-warning">
                This view includes {content.imported.toLocaleString('en-GB')} imported reports; the link cannot carry them.
              </p>
            )}
          </section>
          <section aria-labelledby="brief-scenario">
            <h3 id="brief-scenario">Scenario</h3>
            <Scenario state={state} />
          </section>
          <section aria-labelledby="brief-stacks">
            <h3 id="brief-stacks">Stacked reports (several at one point on the map)</h3>
            {content.stacks.length === 0 ? (
              <p className="muted">No two visible reports share a point.</p>
            ) : (
              <ul className="brief-stacks" data-testid="brief-stacks">
                {content.stacks.map((st) => (
                  <li key={st.key}>
                    <strong>{st.name}</strong> ({st.where}): {st.reports.length} reports
                    <ol>{st.reports.map((r, k) => <li key={k}>{r}</li>)}</ol>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="brief-citations">
            <h3 id="brief-citations">Sources of the visible sightings</h3>
            {content.citations.length === 0 ? (
              <p className="muted">No sightings are visible.</p>
            ) : (
              <ol className="sources brief-citations" data-testid="brief-citations">
                {content.citations.map((c) => (
                  <li key={c.id}>
                    <span className="publisher">{c.publisher}</span>, <span className="title">{c.title}</span>
                    {c.date && <span> ({c.date})</span>}
                    {c.url && <span className="brief-url"> {safeHttpUrl(c.url) ?? c.url}</span>}
                  </li>
                ))}
              </ol>
            )}
            {content.more > 0 && <p className="muted">…and {content.more.toLocaleString('en-GB')} more sources.</p>}
          </section>
        </div>
      )}
    </Dialog>
  );
}
