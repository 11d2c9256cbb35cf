/**
 * Sources created by an import: one `Source` per distinct (publisher text, URL) pair, ids
 * `imp-src-<batch>-<n>` in order of first appearance.
 *
 * Kind: imported sources are `media` unless the caller says otherwise (`sourceKind`). A file gives a
 * publisher name or a link, not who the publisher is, and most analyst imports are press reports;
 * `reference` is kept for the curated reference works in `sources.json`, so it is not used as a
 * catch-all here. A source given only as a URL takes its host name as publisher and the URL as title.
 */
import type { Source, SourceKind } from '../domain/schemas';
import { httpUrl } from './importFields';

/** A source as a record gives it: publisher text and/or an http(s) link (at least one). */
export interface ResolvedSource {
  publisher: string | undefined;
  link: string | undefined;
}

export class SourceRegistry {
  private readonly byKey = new Map<string, Source>();

  constructor(
    private readonly batch: string,
    private readonly kind: SourceKind,
  ) {}

  /**
   * Read a source from text and/or URL without creating it; `null` when neither is usable. Text that is
   * itself an http(s) URL counts as the URL; a non-http "URL" (javascript:, data:…) stays plain text.
   */
  static resolve(text: string | undefined, url: string | undefined): ResolvedSource | null {
    let publisher = text;
    let link = httpUrl(url);
    if (!link && publisher && httpUrl(publisher)) {
      link = httpUrl(publisher);
      publisher = undefined;
    }
    if (!publisher && url && !link) publisher = url;
    if (!publisher && !link) return null;
    return { publisher, link };
  }

  /** The id of the source, creating it on first use (call only for records that are imported). */
  idFor(resolved: ResolvedSource): string {
    const { publisher, link } = resolved;
    const key = `${publisher ?? ''}\u0000${link ?? ''}`;
    const known = this.byKey.get(key);
    if (known) return known.id;
    const source: Source = {
      id: `imp-src-${this.batch}-${this.byKey.size + 1}`,
      publisher: publisher ?? new URL(link as string).hostname.replace(/^www\./, ''),
      title: link ?? (publisher as string),
      kind: this.kind,
      ...(link ? { url: link } : {}),
    };
    this.byKey.set(key, source);
    return source.id;
  }

  /** Every source created so far, in order of first use. */
  list(): Source[] {
    return [...this.byKey.values()];
  }
}
