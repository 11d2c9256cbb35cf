/**
 * How a scenario's score moved since the data release a link (or an analysis file) was made with: the
 * earlier release scored with the same view (window end, confidence filter, width, the same imported
 * and own reports) beside today's score. Shown only while "since this link" is open.
 */
import { useSinceLink } from '../state/sinceLink/store';
import { prob } from './metricsFormat';

/** The movement of one scenario's score, in percentage points. */
export function ScoreSince({ id, p, asOfDay }: { id: string; p: number; asOfDay: number }) {
  const { since, earlier } = useSinceLink();
  if (!since) return null;
  const release = `release ${since.from.sequence}`;
  if (earlier?.status === 'error') return <span className="score-since muted">The data of {release} could not be scored ({earlier.message}).</span>;
  const before = earlier?.asOfDay === asOfDay ? earlier.scores.find((s) => s.id === id) : undefined;
  if (!before) return <span className="score-since muted">Scoring the data of {release}…</span>;
  // In the points the panel shows (whole percentages), so the words agree with the two numbers.
  const points = Math.round(p * 100) - Math.round(before.p * 100);
  const word = points > 0 ? `+${points} points` : points < 0 ? `−${-points} points` : 'unchanged';
  return (
    <span className="score-since" data-testid={`score-since-${id}`}>
      Since the link's data ({release}): {prob(before.p)} → {prob(p)} (<strong className={points > 0 ? 'up' : points < 0 ? 'down' : ''}>{word}</strong>)
    </span>
  );
}
