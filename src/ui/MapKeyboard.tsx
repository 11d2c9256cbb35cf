/**
 * Keyboard access to what the map draws: a control over the map that steps through the positions of the
 * visible reports (west to east) with the arrow keys, rings the current one, pans to it when it is off
 * screen, and opens it with Enter — one report is selected, a stack opens its list in the details panel
 * with focus on its first report. What is current is announced and shown as text.
 */
import { useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectVisibleReports } from '../state/derived';
import { openStack } from '../state/stackActions';
import { positionName, selectPositions, type ReportPosition } from '../state/stacks';
import { actions, useStore } from '../state/store';

/** Whether (lon, lat) is on screen for the store's camera and a map of `w` × `h` CSS pixels (web Mercator). */
function onScreen(lon: number, lat: number, cam: { lon: number; lat: number; zoom: number }, w: number, h: number): boolean {
  const world = 512 * 2 ** cam.zoom;
  const x = (l: number) => ((l + 180) / 360) * world;
  const y = (b: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (b * Math.PI) / 360)) / Math.PI) / 2) * world;
  let dx = x(lon) - x(cam.lon);
  if (dx > world / 2) dx -= world;
  if (dx < -world / 2) dx += world;
  const dy = y(lat) - y(cam.lat);
  return Math.abs(dx) < w / 2 - 20 && Math.abs(dy) < h / 2 - 20;
}

export function MapKeyboard() {
  const [cursor, setCursor] = useState(-1);
  const { positions, data } = useStore(
    useShallow((s) => ({ positions: selectPositions(selectVisibleReports(s.sightingSets, s.filters, s.layers)), data: s.data })),
  );
  const at = cursor >= 0 && cursor < positions.length ? cursor : -1;
  const p: ReportPosition | undefined = positions[at];

  const go = (k: number) => {
    if (!positions.length) return;
    const next = Math.max(0, Math.min(positions.length - 1, k));
    setCursor(next);
    const q = positions[next]!;
    actions.hover(q.members[0]!.id);
    const s = useStore.getState();
    const box = document.querySelector('.map')?.getBoundingClientRect();
    if (box && !onScreen(q.lon, q.lat, s.camera, box.width, box.height)) actions.flyTo(q.lon, q.lat, s.camera.zoom);
  };
  const open = () => {
    if (!p) return;
    if (p.members.length > 1) {
      openStack(p.key);
      // After the list renders, move focus to its first report.
      requestAnimationFrame(() => requestAnimationFrame(() => document.querySelector<HTMLButtonElement>('[data-stack-item]')?.focus()));
    } else {
      actions.select({ featureId: p.members[0]!.id });
      actions.setUi({ stackKey: null });
    }
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step: Record<string, () => void> = {
      ArrowRight: () => go(at + 1), ArrowDown: () => go(at + 1), ArrowLeft: () => go(at < 0 ? 0 : at - 1), ArrowUp: () => go(at < 0 ? 0 : at - 1),
      PageDown: () => go(at + 10), PageUp: () => go(at - 10), Home: () => go(0), End: () => go(positions.length - 1),
      Enter: open, ' ': open,
    };
    const f = step[e.key];
    if (!f) return;
    e.preventDefault();
    e.stopPropagation();
    f();
  };
  const text = !positions.length
    ? 'No reports on the map'
    : p
      ? `${at + 1} / ${positions.length}: ${positionName(p, data)}, ${p.members.length === 1 ? '1 report' : `${p.members.length} reports`} — Enter to ${p.members.length > 1 ? 'list them' : 'open it'}`
      : `${positions.length} places with reports — arrow keys step through them`;
  return (
    <div className="map-keys">
      <button type="button" className="map-keys-button" data-testid="map-keys" aria-describedby="map-keys-help"
        onKeyDown={onKey} onClick={() => (p ? open() : go(0))} onBlur={() => actions.hover(null)}>
        <span aria-hidden="true">⌨ </span>Reports on the map
      </button>
      <span className="map-keys-status" role="status" aria-live="polite" data-testid="map-keys-status">{text}</span>
      <span id="map-keys-help" className="sr-only">Arrow keys move between the places with reports, west to east; Home and End go to the first and last; Enter opens the report, or the list of reports at a place that holds several.</span>
    </div>
  );
}
