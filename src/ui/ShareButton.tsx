/**
 * Copies the permalink of the current view. Where the Clipboard API is refused (insecure origin,
 * permissions), the link is shown selected in a text field to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { actions, useStore } from '../state/store';
import { currentLink, currentPermalink, cutWarning } from '../state/urlSync';

export function ShareButton() {
  const [fallback, setFallback] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (fallback) field.current?.select();
  }, [fallback]);

  const share = async () => {
    const fitted = currentLink();
    const link = currentPermalink(fitted);
    const hasImports = useStore.getState().sightingSets.some((s) => s.key === 'imported' && s.columns.length > 0);
    const cut = cutWarning(fitted);
    const caveat = `${hasImports ? ' It does not carry your imported reports.' : ''}${cut ? ` ${cut}` : ''}`;
    try {
      await navigator.clipboard.writeText(link);
      setFallback(null);
      actions.notify('info', `Link to this view copied.${caveat}`);
    } catch {
      setFallback(link);
      if (caveat) actions.notify('info', caveat.trim());
    }
  };

  return (
    <span className="share">
      <button type="button" onClick={() => void share()} data-testid="share">
        Share link
      </button>
      {fallback && (
        <span className="share-fallback" role="group" aria-label="Copy this link">
          <input ref={field} readOnly value={fallback} aria-label="Link to this view" onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={() => setFallback(null)} aria-label="Close">
            ×
          </button>
        </span>
      )}
    </span>
  );
}
