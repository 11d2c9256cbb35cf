/**
 * The constants of the location-precision rule (precision.ts applies it), in a module of their own so
 * the panels that state the rule can import them without the geometry code.
 */

/** Radius of the disc that stands for a region with no polygon, km (a small oblast or province: ~200 km across). */
export const REGION_RADIUS_KM = 100;
/** A region report counts when at least this share of its region's samples is inside the zone. */
export const MOSTLY = 0.5;
