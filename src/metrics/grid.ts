/**
 * A raster of one polygon's bounding box whose cells are classified wholly inside, wholly outside, or
 * boundary. Points in inside/outside cells need no polygon test; only boundary cells do.
 *
 * Why this equals `turf.booleanPointInPolygon` (point-in-polygon-hao, robust orientation test): a cell is
 * "boundary" when any polygon edge passes within `MARGIN_DEG` of it (the marking is conservative). A cell
 * that no edge comes near is a connected region that never meets the boundary, so every point in it has
 * the same true inside/outside status, and for a point that far from every edge the test's arithmetic
 * (exact orientation of exactly-signed differences) returns that true status. Each run of such cells in a
 * row is classified by the even–odd rule on one cell centre: the crossings of the row's centre line with
 * the ring edges, computed once per row. The centre is ≥ `MARGIN_DEG` from every edge, and a horizontal
 * distance is never shorter than the perpendicular one, while the crossings' rounding error is ~1e-15°,
 * so the parity is the true status too. Boundary-cell points are left to `booleanPointInPolygon` itself.
 */
import type { Position } from 'geojson';

export const CELL_OUTSIDE = 0;
export const CELL_INSIDE = 1;
export const CELL_BOUNDARY = 2;
/** Edges closer than this to a cell (degrees, ~0.1 m) make it a boundary cell. */
export const MARGIN_DEG = 1e-6;
/** Upper bound on cells per polygon grid. */
export const MAX_CELLS = 1 << 14;

export interface CellGrid {
  /** The polygon's bounding box [minX, minY, maxX, maxY], degrees. */
  bbox: [number, number, number, number];
  x0: number;
  y0: number;
  /** Cell size, degrees (square in lon/lat). */
  cs: number;
  inv: number;
  nx: number;
  ny: number;
  cells: Uint8Array;
  /** Per row, the first and last column that is not wholly outside (−1, −2 for a row with none). */
  rowLo: Int32Array;
  rowHi: Int32Array;
}

function ringsBbox(rings: readonly Position[][]): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const ring of rings) {
    for (const p of ring) {
      const x = p[0]!, y = p[1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Classify the cells of one polygon (outer ring + holes, GeoJSON order).
 * @param maxCells cap on the grid size; the cell size follows from it
 */
export function buildCellGrid(rings: Position[][], maxCells: number = MAX_CELLS): CellGrid {
  const bbox = ringsBbox(rings);
  const pad = 2 * MARGIN_DEG;
  const x0 = bbox[0] - pad;
  const y0 = bbox[1] - pad;
  const w = bbox[2] - bbox[0] + 2 * pad;
  const h = bbox[3] - bbox[1] + 2 * pad;
  const cs = Math.max(Math.sqrt((w * h) / maxCells), Math.max(w, h) / 4096, 1e-5);
  const nx = Math.max(1, Math.ceil(w / cs));
  const ny = Math.max(1, Math.ceil(h / cs));
  const inv = 1 / cs;
  const cells = new Uint8Array(nx * ny);
  const m = MARGIN_DEG;
  const clampX = (c: number) => (c < 0 ? 0 : c >= nx ? nx - 1 : c);
  // 1. Mark every cell an edge passes within MARGIN_DEG of.
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = ring[i]![0]!, ay = ring[i]![1]!, bx = ring[i + 1]![0]!, by = ring[i + 1]![1]!;
      const eMinY = Math.min(ay, by), eMaxY = Math.max(ay, by);
      const eMinX = Math.min(ax, bx), eMaxX = Math.max(ax, bx);
      const dy = by - ay, dx = bx - ax;
      const flat = Math.abs(dy) <= 1e-6 * Math.abs(dx);
      const r0 = Math.max(0, Math.floor((eMinY - m - y0) * inv));
      const r1 = Math.min(ny - 1, Math.floor((eMaxY + m - y0) * inv));
      for (let r = r0; r <= r1; r++) {
        let xlo = eMinX, xhi = eMaxX;
        if (!flat) {
          const ylo = Math.max(y0 + r * cs - m, eMinY);
          const yhi = Math.min(y0 + (r + 1) * cs + m, eMaxY);
          const t0 = Math.min(1, Math.max(0, (ylo - ay) / dy));
          const t1 = Math.min(1, Math.max(0, (yhi - ay) / dy));
          const xa = ax + t0 * dx, xb = ax + t1 * dx;
          xlo = Math.max(eMinX, Math.min(xa, xb));
          xhi = Math.min(eMaxX, Math.max(xa, xb));
        }
        const c0 = clampX(Math.floor((xlo - m - x0) * inv));
        const c1 = clampX(Math.floor((xhi + m - x0) * inv));
        cells.fill(CELL_BOUNDARY, r * nx + c0, r * nx + c1 + 1);
      }
    }
  }
  // 2. Classify each run of unmarked cells by the even–odd rule along its row's centre line: the ring
  //    edges crossing that line (half-open in y, so a vertex on the line counts once), sorted by x.
  // Native scans (indexOf, fill) over the rows: this runs for every leg on every width change, mostly
  // before the JIT has warmed up. Each row's span of cells not wholly outside is kept on the way (the
  // join visits only points within it).
  const crossings = rowCrossings(rings, y0, cs, ny);
  const rowLo = new Int32Array(ny).fill(-1), rowHi = new Int32Array(ny).fill(-2);
  for (let r = 0; r < ny; r++) {
    const row = r * nx;
    const line = cells.subarray(row, row + nx);
    const xs = crossings[r]!;
    let c = 0, k = 0, lo = -1, hi = -2;
    while (c < nx) {
      // A run of unmarked cells [c, b), then marked cells from b.
      let b = line.indexOf(CELL_BOUNDARY, c);
      if (b < 0) b = nx;
      if (b > c) {
        const cx = x0 + (c + 0.5) * cs;
        while (k < xs.length && xs[k]! < cx) k++;
        if (k % 2 === 1) {
          line.fill(CELL_INSIDE, c, b);
          if (lo < 0) lo = c;
          hi = b - 1;
        }
      }
      c = b;
      while (c < nx && line[c] === CELL_BOUNDARY) {
        if (lo < 0) lo = c;
        hi = c;
        c++;
      }
    }
    rowLo[r] = lo;
    rowHi[r] = hi;
  }
  return { bbox, x0, y0, cs, inv, nx, ny, cells, rowLo, rowHi };
}

/**
 * Per grid row, the x of every ring edge crossing the row's centre line y0 + (r + ½)·cs, ascending. An
 * edge crosses when exactly one end lies above the line (half-open), so each crossing is counted once.
 */
function rowCrossings(rings: readonly Position[][], y0: number, cs: number, ny: number): Float64Array[] {
  const lists: number[][] = Array.from({ length: ny }, () => []);
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = ring[i]![0]!, ay = ring[i]![1]!, bx = ring[i + 1]![0]!, by = ring[i + 1]![1]!;
      const lo = Math.max(0, Math.floor((Math.min(ay, by) - y0) / cs - 0.5) - 1);
      const hi = Math.min(ny - 1, Math.ceil((Math.max(ay, by) - y0) / cs - 0.5) + 1);
      for (let r = lo; r <= hi; r++) {
        const cy = y0 + (r + 0.5) * cs;
        if (ay > cy !== by > cy) lists[r]!.push(ax + ((cy - ay) * (bx - ax)) / (by - ay));
      }
    }
  }
  return lists.map((l) => Float64Array.from(l).sort());
}

/** Cell status of a point: CELL_OUTSIDE off the grid. */
export function cellAt(g: CellGrid, x: number, y: number): number {
  const c = Math.floor((x - g.x0) * g.inv);
  const r = Math.floor((y - g.y0) * g.inv);
  if (c < 0 || r < 0 || c >= g.nx || r >= g.ny) return CELL_OUTSIDE;
  return g.cells[r * g.nx + c]!;
}
