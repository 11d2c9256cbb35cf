/**
 * Copies the permalink of the current view. Where the Clipboard API is refused (insecure origin,
 * permissions), the link is shown selected in a text field to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { actions, useStore } from '../state/store';
import { currentLink, currentPermalink, cutWarning } from '../state/urlSync';

/** How long the "copied" confirmation stays beside the button, ms. */
const CONFIRM_MS = 5000;

export function ShareButton() {
  const [fallback, setFallback] = useState<string | null>(null);
  const [copied, setCopied] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (fallback) field.current?.select();
  }, [fallback]);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(0), CONFIRM_MS);
    return () => clearTimeout(t);
  }, [copied]);

  const share = async () => {
    const fitted = currentLink();
    const link = currentPermalink(fitted);
    const hasImports = useStore.getState().sightingSets.some((s) => s.key === 'imported' && s.columns.length > 0);
    const cut = cutWarning(fitted);
    const caveat = `${hasImports ? 'The link does not carry your imported reports. ' : ''}${cut ?? ''}`.trim();
    try {
      await navigator.clipboard.writeText(link);
      setFallback(null);
      // A plain copy is confirmed on the button itself (a notice would take room above the map for it);
      // what the link leaves out is worth a notice that stays until dismissed.
      setCopied((n) => n + 1);
      if (caveat) actions.notify('info', caveat);
    } catch {
      setFallback(link);
      if (caveat) actions.notify('info', caveat);
    }
  };

  return (
    <span className="share">
      {/* The confirmation takes the button's own place for a moment: no room taken, nothing shifted. */}
      <button type="button" onClick={() => void share()} data-testid="share" aria-label="Share link">
        {copied > 0 ? 'Copied ✓' : 'Share link'}
      </button>
      <span className="sr-only" role="status">{copied > 0 ? 'Link to this view copied.' : ''}</span>
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
