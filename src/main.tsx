import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './ui/app.css';
import { loadBundled } from './state/bootstrap';
import { restoreFromHash, startUrlSync } from './state/urlSync';
import { loadSynthetic, syntheticRequest } from './state/synthetic';
import { useStore } from './state/store';
import { startResults } from './state/results';
import { mapDrawn } from './map/drawn';
import { sightingPoints } from './state/derived';

// The link is read before the map is created, so the first frame is already the linked view.
const link = restoreFromHash(window.location.hash);
void loadBundled().then(async (dataVersion) => {
  startUrlSync(() => dataVersion, link);
  const synthetic = syntheticRequest(window.location.search);
  const data = useStore.getState().data;
  if (synthetic && data) await loadSynthetic(synthetic, data);
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
