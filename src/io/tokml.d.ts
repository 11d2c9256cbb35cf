/** Types for `tokml` 0.4 (ships none). */
declare module 'tokml' {
  import type { Feature, FeatureCollection, Geometry } from 'geojson';

  interface TokmlOptions {
    documentName?: string;
    documentDescription?: string;
    /** Property used for each placemark's name. */
    name?: string;
    /** Property used for each placemark's description. */
    description?: string;
    /** Property used for each placemark's `<TimeStamp><when>`. */
    timestamp?: string;
    simplestyle?: boolean;
  }

  function tokml(geojson: FeatureCollection | Feature | Geometry, options?: TokmlOptions): string;
  export default tokml;
}
