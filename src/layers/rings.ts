/**
 * Rings drawn around points in screen pixels (evidence, own reports, what changed since a link, the
 * report form's position): one ScatterplotLayer shape, so every marker ring shares one look and the dots'
 * shader program, and a layer with no points is not drawn.
 */
import type { Accessor } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { DataFilterExtensionProps } from '@deck.gl/extensions';
import { NOT_PICKED, type RGBA } from './style';
import { PASS_ALL } from './sightings';

/** A point a ring is drawn around. */
export interface RingPoint {
  position: [number, number];
}

export interface RingStyle<T> {
  /** Radius, px. */
  radius: Accessor<T, number>;
  /** Line width, px. */
  width: Accessor<T, number>;
  colour: Accessor<T, RGBA>;
  /** A fill inside the ring; none when absent. */
  fill?: RGBA;
}

/**
 * A ring layer with id `id` around each point.
 * @example ringLayer('evidence', [{ position: [130.6, 42.4] }], { radius: 11, width: 2.5, colour: [214, 0, 140, 255] })
 */
export function ringLayer<T extends RingPoint>(id: string, points: readonly T[], style: RingStyle<T>) {
  return new ScatterplotLayer<T, DataFilterExtensionProps<T>>({
    id,
    data: points as T[],
    visible: points.length > 0,
    ...NOT_PICKED,
    stroked: true,
    filled: style.fill !== undefined,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    getPosition: (p) => p.position,
    getRadius: style.radius,
    getLineWidth: style.width,
    getLineColor: style.colour,
    ...(style.fill ? { getFillColor: style.fill } : {}),
    // The dots' filter extension, passing every ring: the same shader program as the dots.
    ...PASS_ALL,
  });
}
