/**
 * The one path shader of the map. Every path — rail and sea routes, area outlines, the corridor outline —
 * carries the same dash extension (solid paths with the default [0, 0] pattern), so deck.gl compiles a
 * single path program: each extra program is a noticeable part of start-up under software WebGL.
 */
import { PathStyleExtension } from '@deck.gl/extensions';

/** The shared extension instance (the same instance keeps layer props equal between renders). */
export const PATH_STYLE = [new PathStyleExtension({ dash: true })];
