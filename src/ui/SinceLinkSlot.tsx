/** Where "since this link" goes: its code is loaded only when a link of an earlier release opens it. */
import { lazy, Suspense } from 'react';
import { useSinceLink } from '../state/sinceLink/store';

const SinceLinkPanel = lazy(() => import('./SinceLinkPanel').then((m) => ({ default: m.SinceLinkPanel })));

export function SinceLinkSlot() {
  const shown = useSinceLink((s) => s.since !== null);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <SinceLinkPanel />
    </Suspense>
  );
}
