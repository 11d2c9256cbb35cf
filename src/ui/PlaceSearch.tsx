/**
 * "Find a place": a combobox (WAI-ARIA 1.2 pattern) over the network's nodes, the areas and the cities
 * the basemap names. Typing lists matches; ↑/↓ move through them, Enter frames the highlighted one (or
 * the first), Escape closes the list (and clears the text when it is already closed). Picking a node or
 * an area also selects it, so its details and sources open.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { NODE_STYLE } from '../layers/style';
import places from '../map/data/places.json';
import { actions, useStore } from '../state/store';
import { buildPlaceIndex, searchPlaces, type PlaceHit } from '../state/placeSearch';

/** How close each kind of place is framed: a point to where its name shows, an area to its outline. */
const MAX_ZOOM: Record<PlaceHit['kind'], number> = { node: 9, area: 10, city: 8 };

export function PlaceSearch() {
  const data = useStore((s) => s.data);
  const index = useMemo(
    () => buildPlaceIndex(data?.nodes ?? [], data?.areas ?? [], places.places, (k) => NODE_STYLE[k].label),
    [data],
  );
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const hits = useMemo(() => searchPlaces(index, text), [index, text]);
  const shown = open && hits.length > 0;

  const pick = (hit: PlaceHit | undefined) => {
    if (!hit) return;
    setText(hit.name);
    setOpen(false);
    if (hit.featureId) actions.select({ featureId: hit.featureId });
    actions.frame(hit.box, MAX_ZOOM[hit.kind]);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!shown) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      if (hits.length) {
        e.preventDefault();
        pick(hits[shown ? active : 0]);
      }
    } else if (e.key === 'Escape') {
      // The list closes first; the app's Escape (clear the selection) is not for this field.
      e.stopPropagation();
      if (shown) setOpen(false);
      else setText('');
    }
  };

  return (
    <div className="place-search">
      <label htmlFor={`${id}-input`} className="sr-only">Find a place</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${id}-opt-${active}` : undefined}
        placeholder="Find a place…"
        autoComplete="off"
        spellCheck={false}
        maxLength={80}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKey}
        onBlur={() => setOpen(false)}
        onFocus={() => text && setOpen(true)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Places found" className="place-list" hidden={!shown}>
        {shown &&
          hits.map((h, i) => (
            <li
              key={h.key}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="place-name">{h.name}</span> <span className="muted">{h.detail}</span>
            </li>
          ))}
      </ul>
      {open && text.trim() !== '' && hits.length === 0 && <p className="place-none muted" role="status">No place called “{text.trim()}”</p>}
    </div>
  );
}
