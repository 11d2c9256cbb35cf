/**
 * The Export menu: each layer as GeoJSON as filtered on screen, the visible sightings as CSV, the visible
 * layers as KML, and corridor metrics once they are computed. The export code is loaded on first use.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { actions, useStore } from '../state/store';
import type { CorridorResultsInput, ExportFile, ExportLayer } from '../state/exports';
import type { LayerId } from '../state/types';
import { currentPermalink, dataVersionNow } from '../state/urlSync';

/**
 * Save text as a file through a Blob and an `<a download>` click.
 * @example downloadFile({ fileName: 'a.csv', mime: 'text/csv', text: 'id\r\n' })
 */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mime};charset=utf-8` }));
  downloadUrl(url, file.fileName);
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Save a URL (blob: or data:) under a file name. */
export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The store's metric results, if the store has them (read loosely: the slice may be absent). */
const resultsOf = (state: unknown) => (state as { results?: CorridorResultsInput | null }).results ?? null;

/** True when corridor metrics for the current window are in the store. */
function hasCorridorResults(state: unknown): boolean {
  const r = resultsOf(state);
  return Boolean(r?.window && Array.isArray(r.zones) && r.zones.some((z) => z.kind === 'corridor'));
}

type Item =
  | { kind: 'layer'; layer: ExportLayer; label: string }
  | { kind: 'csv' | 'kml' | 'corridors'; label: string };

const ITEMS: Item[] = [
  { kind: 'layer', layer: 'sightings', label: 'Sightings — GeoJSON' },
  { kind: 'csv', label: 'Sightings — CSV table' },
  { kind: 'layer', layer: 'nodes', label: 'Nodes — GeoJSON' },
  { kind: 'layer', layer: 'rail', label: 'Rail routes — GeoJSON' },
  { kind: 'layer', layer: 'sea', label: 'Sea routes — GeoJSON' },
  { kind: 'layer', layer: 'areas', label: 'Areas — GeoJSON' },
  { kind: 'kml', label: 'Visible layers — KML' },
  { kind: 'corridors', label: 'Corridor metrics — GeoJSON and CSV' },
];

async function runExport(item: Item): Promise<void> {
  const ex = await import('../state/exports');
  const state = useStore.getState();
  const meta = ex.exportMetaOf(state, currentPermalink(), new Date(), dataVersionNow());
  if (item.kind === 'layer') downloadFile(ex.layerGeoJSON(state, item.layer, meta));
  else if (item.kind === 'csv') downloadFile(ex.sightingsCSV(state, meta));
  else if (item.kind === 'kml') downloadFile(ex.visibleKML(state, meta));
  else {
    const input = ex.corridorExportInput(resultsOf(state));
    if (!input) {
      actions.notify('warning', 'Compute corridor metrics first: open the Corridors tab and wait for the counts.');
      return;
    }
    const files = ex.exportCorridorMetrics(input.rows, input.polygons, meta);
    downloadFile(files.geojson);
    downloadFile(files.csv);
  }
}

/** Why an item cannot be used now, or null. */
function disabledReason(item: Item, layers: Record<LayerId, boolean>, hasCorridors: boolean): string | null {
  if (item.kind === 'corridors') return hasCorridors ? null : 'Compute corridor metrics first';
  if (item.kind === 'layer' && item.layer !== 'sightings' && !layers[item.layer]) return 'Switch the layer on to export it';
  if ((item.kind === 'csv' || (item.kind === 'layer' && item.layer === 'sightings')) && !layers.sightings && !layers.imported) {
    return 'Switch a sightings layer on to export it';
  }
  return null;
}

/** "Export" button opening the list of exports (a disclosure; Escape or a click outside closes it). */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const layers = useStore((s) => s.layers);
  const hasCorridors = useStore((s) => hasCorridorResults(s));

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('li button:not([disabled])')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('button')?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  return (
    <div className="dm-menu" ref={root}>
      <button type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Export ▾
      </button>
      <ul id={listId} className="dm-menu-list" hidden={!open} aria-label="Export the view as filtered on screen">
        {ITEMS.map((item) => {
          const reason = disabledReason(item, layers, hasCorridors);
          return (
            <li key={item.label}>
              <button
                type="button"
                disabled={reason !== null}
                title={reason ?? undefined}
                onClick={() => {
                  setOpen(false);
                  runExport(item).catch((e: unknown) => actions.notify('error', `The export failed: ${e instanceof Error ? e.message : String(e)}`));
                }}
              >
                {item.label}
                {reason && <span className="dm-reason">{reason}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
