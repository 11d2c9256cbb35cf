import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './ui/app.css';
import { loadBundled } from './state/bootstrap';
import { restoreFromHash, startUrlSync } from './state/urlSync';
import { announceSynthetic, loadSynthetic, startSynthetic, syntheticRequest } from './state/synthetic';
import { useStore } from './state/store';
import { startResults } from './state/results';
import { startCorridorFraming } from './state/corridorFraming';
import { mapDrawn } from './map/drawn';
import { sightingPoints } from './state/derived';
import { basemapTopology } from './map/basemapFile';

// The basemap is asked for first (the map shows its failure, if any, as a notice).
basemapTopology().catch(() => undefined);
// The link is read before the map is created, so the first frame is already the linked view.
const link = restoreFromHash(window.location.hash);
// Benchmark data (`?synthetic=N`) is generated in a worker from the start, beside the page's own loading.
const synthetic = syntheticRequest(window.location.search);
const generated = synthetic ? startSynthetic(synthetic) : null;
const syntheticNotice = synthetic ? announceSynthetic(synthetic) : 0;
void loadBundled({ windowFromData: !link.fromLink }).then(async (dataVersion) => {
  startUrlSync(() => dataVersion, link);
  startCorridorFraming();
  if (synthetic && generated) await loadSynthetic(synthetic, generated, syntheticNotice, 0);
  // The metrics join is not needed for the first picture: it starts once the map has drawn what is
  // loaded, instead of competing with the drawing for the page's cores.
  await mapDrawn(() => sightingPoints(useStore.getState()));
  startResults();
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
