/**
 * Every colour and symbol drawn on the map, in one place, so the legend explains exactly what the
 * layers draw. Colours are RGB(A) arrays as deck.gl wants them; `css()` gives the legend's CSS colour.
 */
import type { Category, Confidence, NodeKind, RouteProps } from '../domain/schemas';

export type RGBA = [number, number, number, number];

export const css = (c: readonly number[]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${((c[3] ?? 255) / 255).toFixed(2)})`;

/** Sighting colour by category (a qualitative palette readable on the muted basemap). */
export const CATEGORY_STYLE: Record<Category, { colour: RGBA; label: string }> = {
  'munitions-shipment': { colour: [214, 96, 0, 255], label: 'Munitions shipment' },
  'troop-movement': { colour: [178, 24, 43, 255], label: 'Troop movement' },
  training: { colour: [27, 120, 55, 255], label: 'Training' },
  combat: { colour: [120, 0, 60, 255], label: 'Combat' },
  casualties: { colour: [60, 60, 60, 255], label: 'Casualties' },
  captured: { colour: [230, 171, 2, 255], label: 'Captured soldiers' },
  ceremony: { colour: [118, 42, 131, 255], label: 'Ceremony / award' },
  labour: { colour: [140, 81, 10, 255], label: 'Labour' },
  equipment: { colour: [33, 102, 172, 255], label: 'Equipment' },
  'tech-transfer': { colour: [0, 150, 160, 255], label: 'Technology transfer' },
  presence: { colour: [102, 166, 30, 255], label: 'Presence at a base' },
  diplomacy: { colour: [150, 150, 200, 255], label: 'Diplomacy' },
  sanctions: { colour: [231, 41, 138, 255], label: 'Sanctions / monitoring' },
};

/** Sighting dot radius (px) by confidence: the surer the report, the bigger the dot. */
export const CONFIDENCE_RADIUS: Record<Confidence, number> = { high: 7, moderate: 5.5, low: 4 };
export const CONFIDENCE_LABEL: Record<Confidence, string> = {
  high: 'High confidence',
  moderate: 'Moderate confidence',
  low: 'Low confidence (faint, ringed)',
};

/** Node symbol (a glyph drawn as text, so no icon server) and colour by kind. */
export const NODE_STYLE: Record<NodeKind, { glyph: string; colour: RGBA; label: string }> = {
  port: { glyph: '⚓', colour: [16, 78, 139, 255], label: 'Port' },
  'rail-hub': { glyph: '●', colour: [70, 70, 70, 255], label: 'Rail hub / station' },
  'border-crossing': { glyph: '◆', colour: [200, 30, 30, 255], label: 'Border crossing' },
  airfield: { glyph: '✈', colour: [40, 40, 120, 255], label: 'Airfield' },
  depot: { glyph: '■', colour: [140, 81, 10, 255], label: 'Depot / arsenal' },
  'training-ground': { glyph: '▲', colour: [27, 120, 55, 255], label: 'Training ground' },
  capital: { glyph: '★', colour: [90, 20, 20, 255], label: 'Capital' },
  city: { glyph: '○', colour: [90, 90, 90, 255], label: 'City' },
  'combat-area': { glyph: '✖', colour: [150, 0, 40, 255], label: 'Combat location' },
  industry: { glyph: '⚙', colour: [80, 80, 80, 255], label: 'Industry' },
};
export const NODE_GLYPHS = Object.values(NODE_STYLE).map((s) => s.glyph).join('');

/** Route colour by mode; width (px) by the heaviest role it carries. */
export const ROUTE_MODE_STYLE: Record<RouteProps['mode'], { colour: RGBA; label: string }> = {
  rail: { colour: [96, 40, 20, 255], label: 'Rail (drawn through named stations)' },
  sea: { colour: [0, 105, 170, 255], label: 'Sea leg (dashed)' },
  air: { colour: [110, 60, 160, 255], label: 'Air' },
  road: { colour: [120, 120, 120, 255], label: 'Road' },
};
export const ROLE_WIDTH: Record<RouteProps['role'][number], number> = {
  'troop-transit': 4,
  munitions: 3.5,
  equipment: 3,
  labour: 2.5,
  general: 2,
};
export const routeWidth = (roles: readonly RouteProps['role'][number][]) => Math.max(...roles.map((r) => ROLE_WIDTH[r]));
/** Schematic geometry is drawn lighter: where it runs is approximate. */
export const SCHEMATIC_ALPHA = 150;
/** A route's colour: by mode, lighter where its geometry is schematic. */
export function routeColour(f: { properties: Pick<RouteProps, 'mode' | 'accuracy'> }): RGBA {
  const [r, g, b] = ROUTE_MODE_STYLE[f.properties.mode].colour;
  return [r, g, b, f.properties.accuracy === 'schematic' ? SCHEMATIC_ALPHA + 60 : 255];
}

export const AREA_STYLE = {
  'training-area': { fill: [27, 120, 55, 40] as RGBA, line: [27, 120, 55, 220] as RGBA, label: 'Training area' },
  'deployment-zone': { fill: [178, 24, 43, 40] as RGBA, line: [178, 24, 43, 220] as RGBA, label: 'Deployment / combat zone' },
} as const;

export const HIGHLIGHT: RGBA = [255, 200, 0, 255];
export const CORRIDOR_STYLE = { fill: [255, 170, 0, 45] as RGBA, line: [200, 110, 0, 200] as RGBA };

/** The ring around the analyst's own reports. */
export const OWN_RING: RGBA = [17, 24, 39, 255];
/** The report form's position on the map. */
export const PLACING_MARK: RGBA = [11, 92, 173, 255];

/** What changed since a link's data release. */
export type ChangeKind = 'added' | 'corrected' | 'withdrawn';
export const CHANGE_STYLE: Record<ChangeKind, { colour: RGBA; label: string }> = {
  added: { colour: [0, 140, 70, 255], label: 'Added since the link' },
  corrected: { colour: [235, 120, 0, 255], label: 'Corrected since the link' },
  withdrawn: { colour: [110, 110, 110, 255], label: 'Withdrawn since the link (where it stood)' },
};

/*
 * One vertex layout per shader program. All text is drawn by one program, and the points, halos and rings
 * by another; but a layer that gives an attribute as a constant, or has no picking colours, binds a
 * different vertex layout of its program, and software WebGL (SwiftShader) compiles each layout again,
 * at start, on the CPU. So text layers give colour, size and pixel offset per item whatever their values
 * (`perItem`), and layers that are not picked still carry picking colours (`NOT_PICKED`). Measured at the
 * default view, GPU process CPU to the first picture, each against the build before it in one interleaved
 * run: per-item text attributes 1.39 → 1.32 s, then picking colours on every layer 1.31 → 1.15 s.
 */

/** A constant given as a per-item accessor (see above). @example getColor: perItem([60, 60, 60, 220]) */
export const perItem = <T>(value: T) => (): T => value;

/**
 * Not pickable, with picking colours all the same: deck.gl keeps a picking buffer for a layer that names
 * a highlighted object, and -1 names none, so nothing is ever highlighted.
 */
export const NOT_PICKED = { pickable: false, highlightedObjectIndex: -1 } as const;

/**
 * One font-atlas setting for every TextLayer (labels, node glyphs): deck.gl keys its atlas cache on the
 * font settings, not on the characters, so layers that agree here share one atlas and only add glyphs.
 */
export const TEXT_FONT = {
  fontFamily: 'system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif',
  fontWeight: 500,
  // Glyphs are drawn at 9–30 px; a 24 px distance field scales to those cleanly and costs about half of a
  // 32 px one to build (each glyph is rasterised and distance-transformed on the main thread at start).
  fontSettings: { sdf: true, fontSize: 24, buffer: 3, radius: 6 },
} as const;
