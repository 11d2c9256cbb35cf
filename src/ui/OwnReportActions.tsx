/** Edit and remove buttons for an analyst's own report, in its details. */
import { openEditReport } from '../state/own/form';
import { removeOwnReport } from '../state/own/reports';
import { actions } from '../state/store';

export function OwnReportActions({ id, name }: { id: string; name: string }) {
  return (
    <div className="own-actions" role="group" aria-label="Your report">
      <button type="button" onClick={() => openEditReport(id)}>
        Edit
      </button>
      <button
        type="button"
        onClick={() => {
          if (!window.confirm(`Remove your report “${name}” from this browser?`)) return;
          void removeOwnReport(id);
          actions.notify('info', `Removed your report “${name}”.`);
        }}
      >
        Remove
      </button>
    </div>
  );
}
