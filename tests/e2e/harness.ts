/**
 * Shared set-up for browser tests: Debian's Chromium through playwright-core with software WebGL,
 * a page that records console errors and every request, and a wait for the map to be idle.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const APP_URL = process.env.APP_URL ?? 'http://127.0.0.1:4174/';
export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** @param extraArgs more Chromium switches (the browser benchmark exposes `gc()` with `--js-flags=--expose-gc`) */
export function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

export interface Recorded {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

export async function openApp(
  browser: Browser,
  opts: {
    hash?: string;
    search?: string;
    width?: number;
    height?: number;
    /** Only for injecting axe-core, which the app's CSP rightly refuses. */
    bypassCSP?: boolean;
    /** Runs before navigation, e.g. to intercept a data file. */
    setup?: (page: Page) => Promise<void>;
  } = {},
): Promise<Recorded> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    acceptDownloads: true,
    bypassCSP: opts.bypassCSP ?? false,
  });
  // A refusal by the page's Content-Security-Policy is an error too (the browser itself logs none for some).
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.violatedDirective} (${e.blockedURI}) at ${e.sourceFile}:${e.lineNumber}`)),
  );
  const page = await context.newPage();
  await opts.setup?.(page);
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${APP_URL}${opts.search ?? ''}${opts.hash ?? ''}`);
  await waitIdle(page);
  return { page, consoleErrors, requests };
}

/** Waits until MapLibre has drawn the basemap and stopped moving, then one more frame. */
export async function waitIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => window.__corridorWatch?.isIdle() === true, undefined, { timeout, polling: 100 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** RGB of every pixel in a clip of the page, row by row (decoded in the page; no image library). */
export async function pixels(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<[number, number, number][]> {
  const shot = await page.screenshot({ clip });
  return page.evaluate(async ({ b64, w, h }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0, w, h);
    const d = ctx.getImageData(0, 0, w, h).data;
    const out: [number, number, number][] = [];
    for (let i = 0; i < d.length; i += 4) out.push([d[i]!, d[i + 1]!, d[i + 2]!]);
    return out;
  }, { b64: shot.toString('base64'), w: Math.round(clip.width), h: Math.round(clip.height) });
}

/** RGB at one CSS pixel. */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return (await pixels(page, { x: Math.round(x), y: Math.round(y), width: 1, height: 1 }))[0]!;
}

/** Screen position of a lon/lat on the map. */
export function project(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([lo, la]) => window.__corridorWatch!.project(lo!, la!), [lon, lat]);
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/** The store's state as plain data (what tests compare). */
export function storeState<T = Record<string, unknown>>(page: Page): Promise<T> {
  return page.evaluate(() => {
    const s = window.__corridorWatch!.state() as Record<string, unknown>;
    return JSON.parse(JSON.stringify({ camera: s.camera, filters: s.filters, layers: s.layers, selection: s.selection })) as T;
  }) as Promise<T>;
}

/** The visible-sightings count shown in the time bar. */
export async function visibleCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('visible-count').textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

/** Waits until the time bar shows `n` visible sightings (imports and restores are asynchronous). */
export async function waitForCount(page: Page, n: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (want) => Number((document.querySelector('[data-testid="visible-count"]')?.textContent ?? '').replace(/[^0-9]/g, '')) === want,
    n,
    { timeout },
  );
}

/** Waits until the Corridors tab shows `n` sightings for corridor `id` (the worker answers asynchronously). */
export async function waitForCorridorCount(page: Page, id: string, n: number, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(`[data-testid="${sel}"]`)?.textContent === String(want),
    [`corridor-count-${id}`, n] as const,
    { timeout },
  );
}

/** Share of pixels that differ (RGB distance > `tol`) between two PNG screenshots of the same size. */
export async function imageDiff(page: Page, a: Buffer, b: Buffer, tol = 40): Promise<number> {
  return page.evaluate(
    async ({ a64, b64, tol }) => {
      // No named helper functions in here: the test transpiler would wrap them in a helper the page lacks.
      const data: Uint8ClampedArray[] = [];
      for (const b of [a64, b64]) {
        const img = new Image();
        img.src = `data:image/png;base64,${b}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        data.push(ctx.getImageData(0, 0, c.width, c.height).data);
      }
      const [x, y] = data as [Uint8ClampedArray, Uint8ClampedArray];
      if (x.length !== y.length) return 1;
      let diff = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.hypot(x[i]! - y[i]!, x[i + 1]! - y[i + 1]!, x[i + 2]! - y[i + 2]!) > tol) diff++;
      }
      return diff / (x.length / 4);
    },
    { a64: a.toString('base64'), b64: b.toString('base64'), tol },
  );
}

/**
 * Serious and critical axe-core violations on the page, as readable lines. The page must have been
 * opened with `bypassCSP: true` (the app's CSP refuses the injected script, as it should).
 */
export async function axeAudit(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}
