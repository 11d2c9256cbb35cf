/**
 * The analyst's layers over the sightings: rings around own reports and around what changed since a
 * link's data, and the report form's position. Each follows the filters like the dots it rings.
 */
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { useShallow } from 'zustand/react/shallow';
import { dateToDay } from '../domain/dates';
import { ownReportsLayer, placingLayer } from '../layers/ownReports';
import { releaseChangesLayer, type ChangePoint } from '../layers/releaseChanges';
import { passOf } from '../state/derived';
import { ownRows, rowsOf, shownMarks } from '../state/marks';
import { useReportForm } from '../state/own/form';
import { useSinceLink } from '../state/sinceLink/store';
import { filterBounds } from '../state/sightingSets';
import { useStore } from '../state/store';

/** The form's position, when both coordinates are numbers in range. */
function formPosition(open: boolean, lon: string, lat: string): [number, number] | null {
  const x = Number(lon);
  const y = Number(lat);
  if (!open || lon.trim() === '' || lat.trim() === '' || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90) return null;
  return [x, y];
}

export function useAnalystLayers(): Layer[] {
  const { sets, filters, layers } = useStore(useShallow((s) => ({ sets: s.sightingSets, filters: s.filters, layers: s.layers })));
  const { open, lon, lat } = useReportForm(useShallow((f) => ({ open: f.open, lon: f.draft.lon, lat: f.draft.lat })));
  const since = useSinceLink((s) => s.since);
  const passes = sets.map((s) => passOf(s, filters));

  const own = useMemo(() => {
    const set = sets.find((s) => s.key === 'imported');
    if (!set || !layers.imported) return [];
    return shownMarks(set, ownRows(set), filters, passOf(set, filters), 'own');
  }, [sets, filters, layers.imported, ...passes]);

  const changes = useMemo((): ChangePoint[] => {
    if (!since) return [];
    const out: ChangePoint[] = [];
    for (const set of sets) {
      if (set.key !== 'bundled' || !layers.sightings) continue;
      const pass = passOf(set, filters);
      out.push(...shownMarks(set, rowsOf(set, since.added.map((c) => c.id)), filters, pass, 'added' as const));
      out.push(...shownMarks(set, rowsOf(set, since.corrected.map((c) => c.id)), filters, pass, 'corrected' as const));
    }
    // A withdrawn report is no longer a dot: its ring marks where it stood, if its date is in the window.
    const { fromDay, toDay } = filterBounds(filters);
    if (layers.sightings) {
      for (const w of since.withdrawn) {
        if (!w.position || !/^\d{4}-\d{2}/.test(w.date)) continue;
        const day = dateToDay(w.date);
        if (day >= fromDay && day <= toDay) out.push({ id: w.id, kind: 'withdrawn', position: w.position });
      }
    }
    return out;
  }, [since, sets, filters, layers.sightings, ...passes]);

  const position = formPosition(open, lon, lat);
  const px = position?.[0];
  const py = position?.[1];
  return useMemo(
    // A layer with nothing to draw is left out: deck.gl would still initialise it (and compile its shader).
    () => [releaseChangesLayer(changes), ownReportsLayer(own), placingLayer(px === undefined || py === undefined ? null : [px, py])].filter((l) => l.props.visible),
    [changes, own, px, py],
  );
}
