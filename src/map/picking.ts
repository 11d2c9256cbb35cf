/**
 * What a deck.gl pick means in the app's terms: which feature id is under the pointer, and the text of
 * its tooltip (plain text: deck.gl renders `text` tooltips with textContent, never as HTML).
 */
import type { PickingInfo } from '@deck.gl/core';
import type { Geodata } from '../domain/types';
import { CATEGORY_STYLE, NODE_STYLE } from '../layers/style';
import { findSighting, type SightingSet } from '../state/sightingSets';
import { sightingAt } from '../state/derived';
import { positionName, positionOf, type ReportPosition } from '../state/stacks';

/** Reports named in a stack's tooltip before "… and N more". */
const TOOLTIP_LIST = 5;

export function pickedId(info: PickingInfo, sets: readonly SightingSet[]): string | null {
  if (!info.layer || info.index < 0) return null;
  const layerId = info.layer.id;
  // A count badge answers with a report at its position (a click on it then opens the stack).
  if (layerId === 'stacks' || layerId === 'evidence-counts') return (info.object as { id?: string } | undefined)?.id ?? null;
  if (layerId.startsWith('sightings-') || layerId === 'imported') {
    const key = layerId === 'imported' ? 'imported' : layerId.slice('sightings-'.length);
    const set = sets.find((s) => s.key === key);
    return set?.columns.ids[info.index] ?? null;
  }
  const obj = info.object as { properties?: { id?: string } } | undefined;
  return obj?.properties?.id ?? null;
}

/**
 * The tooltip of a report on a stacked position: how many reports are there, the first few by date,
 * and that a click lists them all. Null when the report is alone at its position.
 */
export function stackTooltip(id: string, positions: readonly ReportPosition[], data: Geodata | null): string | null {
  const p = positionOf(positions, id);
  if (!p || p.members.length < 2) return null;
  const lines = p.members.slice(0, TOOLTIP_LIST).map((m) => {
    const s = sightingAt(m.set, m.index).properties;
    return `${s.date} · ${CATEGORY_STYLE[s.category].label}: ${s.name}`;
  });
  const more = p.members.length - lines.length;
  return [`${p.members.length} reports here (${positionName(p, data)}) — click to list them all`, ...lines, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n');
}

export function tooltipText(id: string, data: Geodata | null, sets: readonly SightingSet[]): string | null {
  const f = data?.byId.get(id);
  if (f) {
    const p = f.properties;
    if ('category' in p) return `${p.date} · ${CATEGORY_STYLE[p.category].label}\n${p.name}`;
    if ('kind' in p && p.kind in NODE_STYLE) return `${p.name}\n${NODE_STYLE[p.kind as keyof typeof NODE_STYLE].label}`;
    return p.name;
  }
  // findSighting reads a synthetic id's index from the id itself instead of searching a million of them.
  const hit = findSighting(sets, id);
  if (!hit) return null;
  const s = sightingAt(hit.set, hit.index).properties;
  return `${s.date} · ${CATEGORY_STYLE[s.category].label}\n${s.name}`;
}
