/** Bounding boxes of GeoJSON coordinates. */

/**
 * `[west, south, east, north]` of any GeoJSON coordinates (a position, a line, rings, polygons…),
 * however deeply nested. Empty input gives `[Infinity, Infinity, -Infinity, -Infinity]`.
 * @example bboxOf([[130, 42], [131.9, 43.8]]) // [130, 42, 131.9, 43.8]
 */
export function bboxOf(coords: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else c.forEach(walk);
  };
  walk(coords);
  return box;
}
