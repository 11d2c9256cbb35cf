import { MapView } from '../map/MapView';
import { Notices } from './Notices';

export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">Corridor Watch</h1>
        <span className="tagline">DPRK → Russia military logistics: routes, sourced sightings, indicators</span>
      </header>
      <main className="workspace">
        <MapView />
      </main>
      <Notices />
    </div>
  );
}
