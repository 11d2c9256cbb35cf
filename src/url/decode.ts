/**
 * `decodeHash`: link → `UrlState`. Strict about what it accepts, forgiving about what it is given: it
 * never throws, keeps every setting it can use and names each one it ignored.
 */
import { READERS } from './fields';
import { detectVersion, migrateParams } from './migrations';
import { quote, splitHash } from './params';
import { DEFAULT_URL_STATE, UrlStateSchema, cloneUrlState, type CutPart, type UrlState } from './state';

/** At most this many notices are returned; the rest are counted in a final line. */
export const MAX_NOTICES = 20;

/** What a link decoded to, and human-readable notes on what was ignored or changed. */
export interface DecodeResult {
  state: UrlState;
  notices: string[];
}

/** What each part a link may leave out is called in messages. */
export const CUT_WORDS: Readonly<Record<CutPart, string>> = { pub: 'publisher filter', q: 'search text' };

/** The parts, in words. @example cutWords(['pub', 'q']) // 'publisher filter and the search text' */
export const cutWords = (cut: readonly CutPart[]) => cut.map((c) => CUT_WORDS[c]).join(' and the ');

/**
 * What a colleague is told when a link leaves parts of its view out.
 * @example cutNotice(['pub']) // 'This link leaves out the publisher filter of the view it was made from (too long for a link)'
 */
export function cutNotice(cut: readonly CutPart[]): string {
  return `This link leaves out the ${cutWords(cut)} of the view it was made from (too long for a link)`;
}

function capNotices(notices: string[]): string[] {
  if (notices.length <= MAX_NOTICES) return notices;
  const rest = notices.length - (MAX_NOTICES - 1);
  return [...notices.slice(0, MAX_NOTICES - 1), `…and ${rest} more ignored settings`];
}

function safeDefaults(defaults: unknown): UrlState {
  const parsed = UrlStateSchema.safeParse(defaults);
  return parsed.success ? cloneUrlState(parsed.data as UrlState) : cloneUrlState(DEFAULT_URL_STATE);
}

/**
 * Read a permalink hash. Accepts `#v=1&…`, `v=1&…`, a whole URL, or the pre-release v0 form. Work is
 * capped (see `MAX_HASH_CHARS`), so even a 1 MB string returns quickly.
 *
 * @param hash `location.hash` or any string (anything else yields the defaults and a notice)
 * @param defaults state for keys the link leaves out (must be valid; `DEFAULT_URL_STATE` otherwise)
 * @example decodeHash('#v=1&map=4.20/50.1000/95.3000&w=500')
 *   // → { state: { …camera: {zoom: 4.2, lat: 50.1, lon: 95.3, …}, w: 25 },
 *   //     notices: ['Ignored "w=500": corridor width must be 5–100 km'] }
 */
export function decodeHash(hash: unknown, defaults: Readonly<UrlState> = DEFAULT_URL_STATE): DecodeResult {
  const base = safeDefaults(defaults);
  try {
    return decodeUnsafe(hash, base);
  } catch {
    // Readers are written not to throw; this is the last guard of the "never throws" promise.
    return { state: base, notices: ['Ignored the link: it could not be read'] };
  }
}

function decodeUnsafe(hash: unknown, base: UrlState): DecodeResult {
  const split = splitHash(hash);
  const notices = [...split.notices];
  const migrated = migrateParams(split.params, detectVersion(split.params));
  notices.push(...migrated.notices);

  const s = cloneUrlState(base);
  const seen = new Set<string>();
  for (const p of migrated.params) {
    const reader = Object.hasOwn(READERS, p.key) ? READERS[p.key] : undefined;
    if (!reader) {
      notices.push(`Ignored unknown setting ${quote(p.value === null ? p.key : `${p.key}=${p.value}`)}`);
      continue;
    }
    if (p.value === null) {
      notices.push(`Ignored ${quote(p.key)}: expected ${p.key}=value`);
      continue;
    }
    if (seen.has(p.key)) {
      notices.push(`Ignored duplicate ${quote(`${p.key}=${p.value}`)} (the first "${p.key}" is used)`);
      continue;
    }
    seen.add(p.key);
    const note = reader(p.value, p, s);
    if (note) notices.push(note);
  }

  if (s.from > s.to) {
    notices.push(`Ignored the dates ${quote(`from=${s.from}&to=${s.to}`)}: the start is after the end`);
    s.from = base.from;
    s.to = base.to;
  }
  if (s.imp) notices.push('This view included imported data, which a link cannot carry');
  if (s.cut.length) notices.push(cutNotice(s.cut));

  const check = UrlStateSchema.safeParse(s);
  if (!check.success) return { state: base, notices: ['Ignored the link: it could not be read'] };
  return { state: s, notices: capNotices(notices) };
}
