/**
 * Layout: header, a side drawer (layers + legend, filters), the map, a right panel (details, and the
 * corridor and scenario panels), the time bar and an optional table. Each panel has its own error
 * boundary so one failing panel leaves the rest usable.
 */
import { lazy, Suspense, useEffect } from 'react';
import { MapView } from '../map/MapView';
import { actions, useStore } from '../state/store';
import { ErrorBoundary } from './ErrorBoundary';
import { Notices } from './Notices';
import { LayerPanel } from './LayerPanel';
import { FilterPanel } from './FilterPanel';
import { TimeSlider } from './TimeSlider';
import { DetailsPanel } from './DetailsPanel';
import { RightPanel } from './RightPanel';
import { DataMenu } from './DataMenu';
import { ShareButton } from './ShareButton';
import { MapKeyboard } from './MapKeyboard';
import { StackList } from './StackList';
import { PlaceSearch } from './PlaceSearch';
import { ReportFormSlot } from './ReportFormSlot';
import { SinceLinkSlot } from './SinceLinkSlot';
// Styles shared by the metric panels and the badges elsewhere; the panels' code loads on first use.
import './metrics.css';

// The Corridors and Scenarios tabs and the table are not on screen at start: their code loads when one is
// opened (or a link opens on it), keeping it out of what the first map frame waits for.
const CorridorPanel = lazy(() => import('./CorridorPanel').then((m) => ({ default: m.CorridorPanel })));
const ScenarioPanel = lazy(() => import('./ScenarioPanel').then((m) => ({ default: m.ScenarioPanel })));
const SightingsTable = lazy(() => import('./SightingsTable').then((m) => ({ default: m.SightingsTable })));
const loading = <p className="muted">Loading…</p>;

function useEscapeClearsSelection() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') actions.clearSelection();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  const ui = useStore((s) => s.ui);
  useEscapeClearsSelection();
  return (
    <div className="app">
      <header className="topbar">
        <button
          type="button"
          className="drawer-toggle"
          aria-expanded={ui.drawerOpen}
          aria-controls="sidebar"
          onClick={() => actions.setUi({ drawerOpen: !ui.drawerOpen })}
        >
          ☰ <span className="sr-only">Layers and filters</span>
        </button>
        <h1 className="brand">Corridor Watch</h1>
        <span className="tagline">DPRK → Russia military logistics: routes, sourced sightings, indicators</span>
        <PlaceSearch />
        <div className="topbar-actions">
          <DataMenu />
          <ShareButton />
          <button type="button" aria-pressed={ui.tableOpen} onClick={() => actions.setUi({ tableOpen: !ui.tableOpen })}>
            Table
          </button>
        </div>
      </header>
      <div className="workspace">
        <aside id="sidebar" className={`sidebar${ui.drawerOpen ? ' open' : ''}`} aria-label="Layers and filters">
          <ErrorBoundary label="The layer panel">
            <LayerPanel />
          </ErrorBoundary>
          <ErrorBoundary label="The filter panel">
            <FilterPanel />
          </ErrorBoundary>
        </aside>
        <main className="center">
          <Notices />
          <ErrorBoundary label="What changed since the link">
            <SinceLinkSlot />
          </ErrorBoundary>
          <div className="map-wrap">
            <MapView />
            <MapKeyboard />
          </div>
          <ErrorBoundary label="The time bar">
            <TimeSlider />
          </ErrorBoundary>
          {ui.tableOpen && (
            <ErrorBoundary label="The table">
              <Suspense fallback={<div className="table-panel">{loading}</div>}>
                <SightingsTable />
              </Suspense>
            </ErrorBoundary>
          )}
        </main>
        <RightPanel details={<><StackList /><DetailsPanel /></>} corridors={<Suspense fallback={loading}><CorridorPanel /></Suspense>} scenarios={<Suspense fallback={loading}><ScenarioPanel /></Suspense>} />
        <ErrorBoundary label="The report form">
          <ReportFormSlot />
        </ErrorBoundary>
      </div>
    </div>
  );
}
