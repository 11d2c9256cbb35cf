/** Import problems: every one is kept; `summariseProblems` makes the short list an analyst reads. */

/**
 * One problem with an imported file. `row` is the 1-based data row for CSV (the header is not counted),
 * the 1-based feature number for GeoJSON, and 0 for the file as a whole.
 */
export interface ImportProblem {
  row: number;
  message: string;
}

/**
 * Up to `max` lines like `Row 4: latitude 123 is out of range`, then `…and N more problems`.
 * @param label `'Row'` for CSV, `'Feature'` for GeoJSON
 * @example summariseProblems([{ row: 4, message: 'latitude 123 is out of range' }])
 *   // ['Row 4: latitude 123 is out of range']
 */
export function summariseProblems(problems: readonly ImportProblem[], max = 20, label = 'Row'): string[] {
  const limit = Math.max(0, Math.floor(max));
  const lines = problems
    .slice(0, limit)
    .map((p) => (p.row > 0 ? `${label} ${p.row}: ${p.message}` : `File: ${p.message}`));
  const rest = problems.length - lines.length;
  if (rest > 0) lines.push(`…and ${rest.toLocaleString('en-GB')} more problem${rest === 1 ? '' : 's'}`);
  return lines;
}
