// `npm test`: the system tools (Chromium, GDAL) installed if missing, then type-check, lint, unit tests
// (vitest; the GDAL round trips among them), browser tests (Chromium). Ends with one line
// `N passed, N failed` counting unit and browser tests together.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status === 0;
const steps = [];

steps.push(['tools', run('bash', ['scripts/ensure-tools'])]);
steps.push(['typecheck', run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])]);
steps.push(['lint', run('npx', ['eslint', '.'])]);

mkdirSync('test-results', { recursive: true });
const unitJson = 'test-results/unit.json';
rmSync(unitJson, { force: true });
steps.push([
  'unit',
  run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]),
]);
let unit = { passed: 0, failed: 0, skipped: 0 };
try {
  const r = JSON.parse(readFileSync(unitJson, 'utf8'));
  unit = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
} catch {
  unit.failed += 1; // no report: the unit run itself failed
}

const e2e = spawnSync(process.execPath, ['scripts/e2e.mjs'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(e2e.stdout ?? '');
const m = /E2E: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(e2e.stdout ?? '');
const browser = m ? { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) } : { passed: 0, failed: 1, skipped: 0 };
steps.push(['browser', e2e.status === 0]);

const failedSteps = steps.filter(([, ok]) => !ok).map(([name]) => name);
const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed + (failedSteps.includes('typecheck') ? 1 : 0) + (failedSteps.includes('lint') ? 1 : 0);
const skipped = unit.skipped + browser.skipped;
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed · browser: ${browser.passed} passed, ${browser.failed} failed`);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length === 0 && failed === 0 ? 0 : 1);
