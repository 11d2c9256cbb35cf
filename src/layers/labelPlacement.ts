/**
 * Label placement without overlap: labels are tried in priority order, each at up to four positions
 * around its point (right, left, above, below), and kept at the first position whose box (in Web
 * Mercator pixels at the given zoom) overlaps no label already kept and no symbol of another point.
 * Pure and deterministic, so the same data gives the same labels and a test can check the geometry.
 */

/** Where a label sits around its point. */
export type LabelSide = 'right' | 'left' | 'above' | 'below';

export interface LabelCandidate<T = unknown> {
  text: string;
  /** [lon, lat] degrees. */
  position: readonly [number, number];
  /** Lower is placed first. */
  priority: number;
  /** Font size, px. */
  sizePx: number;
  /** Gap between the point and the label, px (the symbol's radius and a little air). */
  gapPx: number;
  /** Sides to try, in order. */
  sides: readonly LabelSide[];
  /** Kept even over other symbols (never over other labels) when no side is free of them. */
  mayCoverSymbols: boolean;
  /** Half the size of the point's own symbol, px (0 for none): other labels keep off it. */
  symbolRadiusPx: number;
  item: T;
}

export interface PlacedLabel<T = unknown> {
  candidate: LabelCandidate<T>;
  side: LabelSide;
  /** Screen box at the zoom it was placed for, px: [x0, y0, x1, y1]. */
  box: [number, number, number, number];
}

/** Width of a text in px: a conservative average advance of 0.62 em for the sans-serif fonts used. */
export const textWidthPx = (text: string, sizePx: number) => [...text].length * sizePx * 0.62;

/**
 * Web Mercator world pixels of a position at `zoom` (512-px tiles, as MapLibre).
 * @example worldPx([0, 0], 0) // [256, 256]
 */
export function worldPx([lon, lat]: readonly [number, number], zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const phi = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * size, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * size];
}

/** The label's box for one side, around point (x, y). */
export function boxOf(c: Pick<LabelCandidate, 'text' | 'sizePx' | 'gapPx'>, x: number, y: number, side: LabelSide): [number, number, number, number] {
  const w = textWidthPx(c.text, c.sizePx);
  const h = c.sizePx * 1.25;
  const g = c.gapPx;
  switch (side) {
    case 'right': return [x + g, y - h / 2, x + g + w, y + h / 2];
    case 'left': return [x - g - w, y - h / 2, x - g, y + h / 2];
    case 'above': return [x - w / 2, y - g - h, x + w / 2, y - g];
    case 'below': return [x - w / 2, y + g, x + w / 2, y + g + h];
  }
}

const PAD = 2;
const hits = (a: readonly number[], b: readonly number[]) =>
  a[0]! - PAD < b[2]! && a[2]! + PAD > b[0]! && a[1]! - PAD < b[3]! && a[3]! + PAD > b[1]!;

/** Boxes bucketed by 64-px cells, so a test looks only at boxes near it. */
class BoxGrid {
  private cells = new Map<string, number[][]>();
  private static keys(b: readonly number[]): string[] {
    const out: string[] = [];
    for (let x = Math.floor((b[0]! - PAD) / 64); x <= Math.floor((b[2]! + PAD) / 64); x++) {
      for (let y = Math.floor((b[1]! - PAD) / 64); y <= Math.floor((b[3]! + PAD) / 64); y++) out.push(`${x}:${y}`);
    }
    return out;
  }
  add(b: number[]): void {
    for (const k of BoxGrid.keys(b)) {
      const cell = this.cells.get(k);
      if (cell) cell.push(b);
      else this.cells.set(k, [b]);
    }
  }
  hits(b: readonly number[], except?: readonly number[]): boolean {
    return BoxGrid.keys(b).some((k) => this.cells.get(k)?.some((o) => o !== except && hits(b, o)) ?? false);
  }
}

/**
 * The labels that fit at `zoom`, with their sides. Boxes sit in a grid, so the cost is about linear in
 * the number of candidates (a few hundred here).
 * @example placeLabels(candidates, 7).map((p) => p.candidate.text)
 */
export function placeLabels<T>(candidates: readonly LabelCandidate<T>[], zoom: number): PlacedLabel<T>[] {
  // Ties broken by code-unit order, not localeCompare: deterministic everywhere, and no collator to load.
  const order = [...candidates].sort((a, b) => a.priority - b.priority || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const pts = order.map((c) => worldPx(c.position, zoom));
  const symbols = new BoxGrid();
  const own = order.map((c, i) => {
    const [x, y] = pts[i]!;
    const r = c.symbolRadiusPx;
    const box = [x - r, y - r, x + r, y + r];
    if (r > 0) symbols.add(box);
    return box;
  });
  const labels = new BoxGrid();
  const kept: PlacedLabel<T>[] = [];
  order.forEach((c, i) => {
    const [x, y] = pts[i]!;
    const free = (box: number[], withSymbols: boolean) => !labels.hits(box) && (!withSymbols || !symbols.hits(box, own[i]));
    for (const withSymbols of c.mayCoverSymbols ? [true, false] : [true]) {
      const side = c.sides.find((s) => free(boxOf(c, x, y, s), withSymbols));
      if (side) {
        const box = boxOf(c, x, y, side);
        labels.add(box);
        kept.push({ candidate: c, side, box });
        return;
      }
    }
  });
  return kept;
}
