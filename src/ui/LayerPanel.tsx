/** Layer toggles, each with the legend of what that layer draws. */
import { useStore, actions } from '../state/store';
import type { LayerId } from '../state/types';
import { HALO_STYLE } from '../layers/precision';
import { STACK_BADGE } from '../layers/stacks';
import { AREA_STYLE, CONFIDENCE_LABEL, CONFIDENCE_RADIUS, CORRIDOR_STYLE, NODE_STYLE, OWN_RING, ROLE_WIDTH, ROUTE_MODE_STYLE, css } from '../layers/style';
import { CATEGORIES } from '../domain/schemas';
import { CATEGORY_STYLE } from '../layers/style';

const LAYERS: { id: LayerId; label: string }[] = [
  { id: 'rail', label: 'Rail routes' },
  { id: 'sea', label: 'Sea routes' },
  { id: 'nodes', label: 'Nodes (ports, crossings, hubs, ranges)' },
  { id: 'areas', label: 'Training areas and deployment zones' },
  { id: 'corridors', label: 'Selected corridor' },
  { id: 'sightings', label: 'Sightings (reports)' },
  { id: 'imported', label: 'Imported and own reports' },
  { id: 'labels', label: 'Place labels' },
];

function Legend({ id }: { id: LayerId }) {
  switch (id) {
    case 'rail':
    case 'sea': {
      const s = ROUTE_MODE_STYLE[id];
      return (
        <ul className="legend">
          <li>
            <span className={`swatch line ${id === 'sea' ? 'dashed' : ''}`} style={{ borderColor: css(s.colour) }} /> {s.label}
          </li>
          {id === 'rail' && (
            <li className="legend-note">
              Width by role: {Object.entries(ROLE_WIDTH).map(([r, w]) => `${r} ${w}px`).join(', ')}. Lighter lines are
              schematic (drawn through stations, within ~25 km of the track).
            </li>
          )}
        </ul>
      );
    }
    case 'nodes':
      return (
        <ul className="legend cols">
          {Object.values(NODE_STYLE).map((s) => (
            <li key={s.label}>
              <span className="glyph" style={{ color: css(s.colour) }} aria-hidden="true">{s.glyph}</span> {s.label}
            </li>
          ))}
        </ul>
      );
    case 'areas':
      return (
        <ul className="legend">
          {Object.values(AREA_STYLE).map((s) => (
            <li key={s.label}>
              <span className="swatch area" style={{ background: css(s.fill), borderColor: css(s.line) }} /> {s.label}
            </li>
          ))}
        </ul>
      );
    case 'corridors':
      return (
        <ul className="legend">
          <li>
            <span className="swatch area" style={{ background: css(CORRIDOR_STYLE.fill), borderColor: css(CORRIDOR_STYLE.line) }} />
            Corridor: the route buffered by the chosen width; what is inside is what is counted
          </li>
        </ul>
      );
    case 'sightings':
    case 'imported':
      return id === 'imported' ? (
        <>
          <p className="legend-note">Reports you imported or wrote, drawn like sightings; they stay until you remove them.</p>
          <ul className="legend">
            <li>
              <span className="swatch dot" style={{ background: '#fff', border: `2.5px solid ${css(OWN_RING)}` }} /> Ring: your own report (Add report)
            </li>
          </ul>
        </>
      ) : (
        <ul className="legend cols">
          <li className="legend-wide">
            Colour: category —{' '}
            {CATEGORIES.slice(0, 4).map((c) => (
              <span key={c} className="swatch dot" style={{ background: css(CATEGORY_STYLE[c].colour) }} />
            ))}{' '}
            … (swatches in the Category filter)
          </li>
          {(['high', 'moderate', 'low'] as const).map((c) => (
            <li key={c}>
              <span
                className={`swatch dot ${c === 'low' ? 'faint' : ''}`}
                style={{ width: CONFIDENCE_RADIUS[c] * 2, height: CONFIDENCE_RADIUS[c] * 2 }}
              />{' '}
              {CONFIDENCE_LABEL[c]}
            </li>
          ))}
          {(['settlement', 'region'] as const).map((p) => (
            <li key={p}>
              <span className="swatch dot halo" style={{ background: css(HALO_STYLE[p].fill), borderColor: css(HALO_STYLE[p].line), width: p === 'region' ? 16 : 12, height: p === 'region' ? 16 : 12 }} />{' '}
              Halo: {HALO_STYLE[p].label}
            </li>
          ))}
          <li className="legend-wide">
            <span className="count-badge" style={{ background: css(STACK_BADGE.fill) }}>3</span>&nbsp;Several reports at one point: hover or click
            for the list (or step through the map's places with the ⌨ control)
          </li>
        </ul>
      );
    case 'labels':
      return <p className="legend-note">Cities; from zoom 6 also the network's places (with the nodes layer), placed so none overlap.</p>;
  }
}

export function LayerPanel() {
  const layers = useStore((s) => s.layers);
  return (
    <section className="panel-section" aria-labelledby="layers-h">
      <h2 id="layers-h">Layers and legend</h2>
      <ul className="layer-list">
        {LAYERS.map((l) => (
          <li key={l.id}>
            <label>
              <input type="checkbox" checked={layers[l.id]} onChange={() => actions.toggleLayer(l.id)} data-layer={l.id} /> {l.label}
            </label>
            {layers[l.id] && <Legend id={l.id} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
