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
import { startCorridorFraming } from './state/corridorFraming';

// The link is read before the map is created, so the first frame is already the linked view.
const link = restoreFromHash(window.location.hash);
startResults();
void loadBundled({ windowFromData: !link.fromLink }).then((dataVersion) => {
  startUrlSync(() => dataVersion, link);
  startCorridorFraming();
  const synthetic = syntheticRequest(window.location.search);
  const data = useStore.getState().data;
  if (synthetic && data) void loadSynthetic(synthetic, data);
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
