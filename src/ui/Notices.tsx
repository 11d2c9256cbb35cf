import { actions, useStore } from '../state/store';

/**
 * Notices (ignored link parts, import problems, data errors) as dismissible, announced messages, in a
 * strip of their own above the map (see app.css): they cover no control and block no click.
 */
export function Notices() {
  const notices = useStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.length > 1 && (
        <button type="button" className="link dismiss-all" onClick={() => notices.forEach((n) => actions.dismissNotice(n.id))}>
          Dismiss all {notices.length} notices
        </button>
      )}
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`}>
          <p>{n.text}</p>
          {n.action && (
            <button type="button" className="notice-action" onClick={n.action.run}>
              {n.action.label}
            </button>
          )}
          {n.details && n.details.length > 0 && (
            <ul>
              {n.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" aria-label="Dismiss notice" onClick={() => actions.dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
