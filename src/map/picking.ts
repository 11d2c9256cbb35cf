/**
 * What a deck.gl pick means in the app's terms: which feature id is under the pointer, and the text of
 * its tooltip (plain text: deck.gl renders `text` tooltips with textContent, never as HTML).
 */
import type { PickingInfo } from '@deck.gl/core';
import type { Geodata } from '../domain/types';
import { CATEGORY_STYLE, NODE_STYLE } from '../layers/style';
import { findSighting, type SightingSet } from '../state/sightingSets';
import { sightingAt } from '../state/derived';

export function pickedId(info: PickingInfo, sets: readonly SightingSet[]): string | null {
  if (!info.layer || info.index < 0) return null;
  const layerId = info.layer.id;
  if (layerId.startsWith('sightings-') || layerId === 'imported') {
    const key = layerId === 'imported' ? 'imported' : layerId.slice('sightings-'.length);
    const set = sets.find((s) => s.key === key);
    return set?.columns.ids[info.index] ?? null;
  }
  const obj = info.object as { properties?: { id?: string } } | undefined;
  return obj?.properties?.id ?? null;
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
