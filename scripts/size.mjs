// Prints the built JS/CSS sizes per chunk, raw and gzip, and the "main" total: everything index.html
// loads before the first map frame (the entry chunk and its static imports), MapLibre's worker aside.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';

if (!existsSync('dist/index.html') || process.argv.includes('--build')) {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const dir = 'dist/assets';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = readdirSync(dir)
  .filter((f) => /\.(m?js|css|json|geojson)$/.test(f))
  .map((f) => {
    const buf = readFileSync(`${dir}/${f}`);
    return { file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, text: buf.toString('utf8') };
  })
  .sort((a, b) => b.gzip - a.gzip);

// Walk static imports from the entry scripts named in index.html.
const html = readFileSync('dist/index.html', 'utf8');
const entry = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const byName = new Map(rows.map((r) => [r.file, r]));
const initial = new Set();
const visit = (f) => {
  if (initial.has(f) || !byName.has(f)) return;
  initial.add(f);
  for (const m of byName.get(f).text.matchAll(/(?:^|[;\s])import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+)["']/g)) visit(m[1]);
};
entry.forEach(visit);

console.log('chunk'.padEnd(56), 'raw'.padStart(11), 'gzip'.padStart(11), ' initial');
for (const r of rows) console.log(r.file.padEnd(56), kb(r.raw).padStart(11), kb(r.gzip).padStart(11), initial.has(r.file) ? ' yes' : '');
const main = rows.filter((r) => initial.has(r.file) && r.file.endsWith('.js'));
const total = main.reduce((s, r) => s + r.gzip, 0);
console.log(`\nmain (loaded before the first map frame, worker aside): ${kb(main.reduce((s, r) => s + r.raw, 0))} raw, ${kb(total)} gzip`);
const limit = 700 * 1024;
if (total > limit) {
  console.log(`over the ${kb(limit)} gzip budget`);
  process.exit(1);
}
