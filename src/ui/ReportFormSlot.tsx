/** Where the report form goes: its code is loaded the first time it is opened, not with the first frame. */
import { lazy, Suspense } from 'react';
import { useReportForm } from '../state/own/form';

const ReportForm = lazy(() => import('./ReportForm').then((m) => ({ default: m.ReportForm })));

export function ReportFormSlot() {
  const open = useReportForm((f) => f.open);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="report-form muted">Opening the report form…</p>}>
      <ReportForm />
    </Suspense>
  );
}
