// Browser tests: build, serve dist/ on a local port, run tests/e2e/*.test.ts in real Chromium
// (playwright-core + Debian's chromium), stop the server. Prints the counts as `E2E: N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { preview } from 'vite';

const skipBuild = process.argv.includes('--no-build');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const ensure = spawnSync('bash', ['scripts/ensure-tools'], { stdio: 'inherit' });
if (ensure.status !== 0) process.exit(ensure.status ?? 1);

if (!skipBuild) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = Number(process.env.E2E_PORT ?? 4174);
const server = await preview({ preview: { port, strictPort: true, host: '127.0.0.1', open: false }, logLevel: 'warn' });
const files = (only.length ? only : readdirSync('tests/e2e').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `tests/e2e/${f}`));

let out = '';
const code = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    { env: { ...process.env, APP_URL: `http://127.0.0.1:${port}/` }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child.stdout.on('data', (d) => {
    process.stdout.write(d);
    out += d;
  });
  child.on('close', (c) => resolve(c ?? 1));
});
await new Promise((r) => server.httpServer.close(r));

const num = (label) => Number((out.match(new RegExp(`ℹ ${label} (\\d+)`)) ?? [])[1] ?? 0);
const passed = num('pass');
const failed = num('fail') + num('cancelled');
const skipped = num('skipped') + num('todo');
console.log(`E2E: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code === 0 && failed === 0 ? 0 : 1);
