/**
 * The modal dialog the import, export and brief views share: rendered over the page (a portal into
 * `body`, so print styles can hide the app behind it), labelled by its heading, focus moved in on open,
 * kept inside while open (Tab wraps) and given back on close; Escape closes.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './data-menu.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog. `onClose` runs on Escape (and on the caller's own close buttons).
 * @example <Dialog title="Import reports" onClose={close}>…</Dialog>
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Extra content beside the heading (e.g. action buttons). */
  headerActions?: ReactNode;
}) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = ref.current;
    (el?.querySelector<HTMLElement>('[data-autofocus]') ?? el)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (!el) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && (document.activeElement === first || document.activeElement === el)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    // Capture phase: the dialog handles Escape before the app's own Escape (clear selection) sees it.
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (before?.isConnected) before.focus();
    };
  }, []);

  return createPortal(
    <div className="dm-backdrop">
      <div
        ref={ref}
        className={`dm-dialog ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
      >
        <div className="dm-dialog-head">
          <h2 id={headingId}>{props.title}</h2>
          {props.headerActions}
          <button type="button" className="dm-close" aria-label="Close" onClick={() => props.onClose()}>
            ×
          </button>
        </div>
        {props.children}
      </div>
    </div>,
    document.body,
  );
}
