/**
 * Start-up: validate the bundled geodata once and put it in the store. A broken file or feature never
 * blanks the app: whatever validated is shown, with a notice naming the problems.
 */
import { loadBundledGeodata } from '../domain/geodata';
import { actions } from './store';
import { makeSet } from './sightingSets';

export function loadBundled(): void {
  const result = loadBundledGeodata();
  const sets = [makeSet('bundled', result.data.sightings, result.data.sources)];
  const problems = result.ok ? [] : result.errors;
  actions.setData(result.data, problems, sets);
  if (problems.length) {
    actions.notify(
      'error',
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the bundled geodata; the features affected are left out.`,
      problems.slice(0, 20).map((e) => `${e.file} · ${e.feature} · ${e.field}: ${e.message}`),
    );
  }
}
