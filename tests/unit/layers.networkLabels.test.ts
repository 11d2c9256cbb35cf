import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { NodeFeature, RouteFeature, SightingFeature } from '../../src/domain/schemas';
import { boxOf, placeLabels, worldPx, type LabelCandidate } from '../../src/layers/labelPlacement';
import { labelSetAt, networkLabelSets, nodeLabelText } from '../../src/layers/networkLabels';
import places from '../../src/map/data/places.json';

const read = <T>(f: string) => (JSON.parse(readFileSync(`geodata/${f}`, 'utf8')) as { features: T[] }).features;
const nodes = read<NodeFeature>('nodes.geojson');
const routes = [...read<RouteFeature>('rail-routes.geojson'), ...read<RouteFeature>('sea-routes.geojson')];
const sightings = read<SightingFeature>('sightings.geojson');
const cities = places.places
  .filter((p) => p.rank <= 6 || p.capital)
  .map((p) => ({ name: p.name, position: [p.lon, p.lat] as [number, number], rank: p.rank, capital: p.capital }));
const sets = networkLabelSets(nodes, routes, sightings, cities);

const cand = (text: string, lon: number, lat: number, priority: number, extra: Partial<LabelCandidate> = {}): LabelCandidate => ({
  text, position: [lon, lat], priority, sizePx: 10, gapPx: 5, sides: ['right', 'left', 'above', 'below'], mayCoverSymbols: false, symbolRadiusPx: 0, item: text, ...extra,
});

describe('placeLabels', () => {
  test('world pixels: the origin is the centre of the 512 px world at zoom 0, and doubles per zoom', () => {
    expect(worldPx([0, 0], 0)).toEqual([256, 256]);
    expect(worldPx([180, 0], 1)).toEqual([1024, 512]);
  });
  test('a label that would overlap one already placed moves to another side', () => {
    // Zoom 0, 10 px type, 10 px gap: "AAAA" (24.8 px wide) at x 256 goes right, x 266–290.8, y ±6.25.
    // "BBBB" at x 276 (20 px east): right (286–310.8) and left (241.2–266, within the 2 px padding)
    // both run into A's label; above (263.6–288.4, y −22.5…−10) clears it, so B goes above.
    const dx = (20 / 512) * 360;
    const placed = placeLabels([cand('AAAA', 0, 0, 1, { gapPx: 10 }), cand('BBBB', dx, 0, 2, { gapPx: 10 })], 0);
    expect(placed.map((p) => [p.candidate.text, p.side])).toEqual([['AAAA', 'right'], ['BBBB', 'above']]);
  });
  test('a label with no free side is left out, unless it may cover symbols and only symbols are in the way', () => {
    const blocker = cand('XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 0, 0, 0, { sizePx: 60, sides: ['right'], gapPx: -400 });
    const lone = cand('B', 0, 0, 5);
    expect(placeLabels([blocker, lone], 0).map((p) => p.candidate.text)).toEqual([blocker.text]);
    // Symbols only: a neighbour's symbol (radius 8) next to a point; the label may cover it when allowed.
    const sym = cand('', 0.2, 0, 0, { symbolRadiusPx: 40, sides: [] });
    const shy = cand('Shy', 0, 0, 1, { sides: ['right'] });
    expect(placeLabels([sym, shy], 0).map((p) => p.candidate.text)).toEqual([]);
    expect(placeLabels([sym, { ...shy, mayCoverSymbols: true }], 0).map((p) => p.candidate.text)).toEqual(['Shy']);
  });
  test('boxes by side', () => {
    const c = { text: 'ab', sizePx: 10, gapPx: 4 }; // 12.4 px wide, 12.5 px high
    expect(boxOf(c, 100, 100, 'right')).toEqual([104, 93.75, 116.4, 106.25]);
    expect(boxOf(c, 100, 100, 'above')).toEqual([93.8, 83.5, 106.2, 96]);
  });
});

describe('network labels on the real data', () => {
  test('names shorten the way the symbol makes obvious', () => {
    expect(nodeLabelText('Tumangang station')).toBe('Tumangang');
    expect(nodeLabelText('Rajin (Najin) port and station, Rason')).toBe('Rajin (Najin) port and station');
    expect(nodeLabelText('Moscow (Kursky station)')).toBe('Moscow (Kursky station)');
  });
  test('nothing is named below zoom 6 (the far view keeps its few city labels)', () => {
    for (const z of [0, 3, 5.99]) expect(labelSetAt(sets, z)).toBeNull();
  });
  for (const z of [6, 7, 8, 9]) {
    test(`zoom ${z}: Rajin, Tumangang, Khasan, Ussuriysk and Kursk are named, and no two labels overlap`, () => {
      const set = labelSetAt(sets, z + 0.5)!;
      const names = set.nodes.map((l) => l.text);
      for (const key of ['Rajin (Najin) port', 'Tumangang', 'Khasan', 'Ussuriysk', 'Kursk']) {
        expect(names.filter((n) => n === key || n.startsWith(`${key} `)), key).toHaveLength(1);
      }
      const boxes = [...set.nodes, ...set.cities].map((l) => {
        const [x, y] = worldPx(l.position, z);
        return { text: l.text, box: boxOf(l, x, y, l.side) };
      });
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!.box, boxes[j]!.box];
          if (a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1]) overlaps.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
        }
      }
      expect(overlaps).toEqual([]);
      // Ussuriysk is a node and a Natural Earth city: it is named once.
      expect([...set.nodes, ...set.cities].filter((l) => l.text === 'Ussuriysk')).toHaveLength(1);
    });
  }
  test('more places are named as the map zooms in', () => {
    const n = [6, 7, 8, 9].map((z) => labelSetAt(sets, z)!.nodes.length);
    expect(n).toEqual([...n].sort((a, b) => a - b));
    expect(n[3]!).toBeGreaterThan(n[0]!);
  });
});
