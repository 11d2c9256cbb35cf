/**
 * A coarse land/sea raster for plausibility checks: which 0.1° cells hold land, built once from
 * land polygons (Natural Earth's, in the import worker) by scanline filling. Pure and cheap to query:
 * "is there land within k cells of this point" reads at most (2k + 1)² bytes.
 */
import type { Position } from 'geojson';

export interface LandMask {
  /** Cells per degree. */
  perDegree: number;
  width: number;
  height: number;
  /** 1 where the cell's centre is on land; row 0 is the northernmost. */
  cells: Uint8Array;
}

/**
 * Rasterise polygons (each a list of rings, even-odd rule) at `perDegree` cells per degree.
 * @example buildLandMask([[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]], 1).cells.reduce((a, b) => a + b) // 100
 */
export function buildLandMask(polygons: readonly (readonly (readonly Position[])[])[], perDegree = 10): LandMask {
  const width = 360 * perDegree;
  const height = 180 * perDegree;
  const cells = new Uint8Array(width * height);
  // Crossings of each ring edge with each row's centre line, bucketed by row.
  const crossings: number[][] = Array.from({ length: height }, () => []);
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i] as [number, number];
        const [x2, y2] = ring[i + 1] as [number, number];
        if (y1 === y2) continue;
        const top = Math.max(y1, y2);
        const bottom = Math.min(y1, y2);
        // Rows whose centre latitude c satisfies bottom <= c < top.
        const first = Math.max(0, Math.ceil((90 - top) * perDegree - 0.5));
        const last = Math.min(height - 1, Math.floor((90 - bottom) * perDegree - 0.5));
        for (let r = first; r <= last; r++) {
          const c = 90 - (r + 0.5) / perDegree;
          if (c < bottom || c >= top) continue;
          crossings[r]!.push(x1 + ((c - y1) / (y2 - y1)) * (x2 - x1));
        }
      }
    }
  }
  for (let r = 0; r < height; r++) {
    const xs = crossings[r]!.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil((xs[k]! + 180) * perDegree - 0.5));
      const to = Math.min(width - 1, Math.floor((xs[k + 1]! + 180) * perDegree - 0.5));
      cells.fill(1, r * width + from, r * width + to + 1);
    }
  }
  return { perDegree, width, height, cells };
}

/**
 * True when a land cell lies within `radius` cells of the point (longitude wraps around).
 * @example landNear(mask, 37.62, 55.75, 2) // true (Moscow)
 */
export function landNear(mask: LandMask, lon: number, lat: number, radius = 2): boolean {
  const col = Math.floor((lon + 180) * mask.perDegree);
  const row = Math.floor((90 - lat) * mask.perDegree);
  for (let r = Math.max(0, row - radius); r <= Math.min(mask.height - 1, row + radius); r++) {
    for (let c = col - radius; c <= col + radius; c++) {
      const cc = ((c % mask.width) + mask.width) % mask.width;
      if (mask.cells[r * mask.width + cc] === 1) return true;
    }
  }
  return false;
}
