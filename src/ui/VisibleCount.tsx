/**
 * The time bar's counts: how many of the reports the filters show are inside the map's current bounds
 * ("in view"), beside how many the filters show in all.
 */
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../state/store';
import { visibleTotal } from '../state/derived';
import { inViewCount } from '../state/viewportCount';

const n = (x: number) => x.toLocaleString('en-GB');

export function VisibleCount() {
  const { inView, matching } = useStore(
    // Both counts without listing the visible sightings: a slider step at a million points stays cheap.
    useShallow((s) => {
      const matching = visibleTotal(s.sightingSets, s.filters, s.layers);
      return { matching, inView: s.viewBounds ? inViewCount(s.sightingSets, s.filters, s.layers, s.viewBounds) : matching };
    }),
  );
  return (
    <p className="count" aria-live="polite" aria-atomic="true">
      <output data-testid="in-view-count" title="Reports matching the filters inside the map as it is framed now">
        <strong>{n(inView)}</strong> in view
      </output>
      <span aria-hidden="true"> · </span>
      <output data-testid="visible-count" title="Reports matching the filters, wherever they are">
        {n(matching)} match{matching === 1 ? 'es' : ''} the filters
      </output>
    </p>
  );
}
