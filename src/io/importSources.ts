/**
 * Sources created by an import: one `Source` per distinct citation (publisher, link, title, date,
 * kind), ids `imp-src-<batch>-<n>` in order of first appearance.
 *
 * Kind: imported sources are `media` unless the file or the caller says otherwise. A file usually gives
 * a publisher name or a link, not who the publisher is, and most analyst imports are press reports;
 * `reference` is kept for the curated reference works in `sources.json`, so it is not used as a
 * catch-all here. A source given only as a URL takes its host name as publisher and the URL as title.
 */
import type { Source, SourceKind } from '../domain/schemas';
import { httpUrl } from './text';

/** A source as a record gives it: publisher text and/or an http(s) link (at least one). */
export interface ResolvedSource {
  publisher: string | undefined;
  link: string | undefined;
}

/** A resolved source with the optional parts of a citation. */
export interface Citation extends ResolvedSource {
  title?: string | undefined;
  date?: string | undefined;
  kind?: SourceKind | undefined;
}

export class SourceRegistry {
  private readonly byKey = new Map<string, Source>();
  private readonly byId = new Map<string, Source>();

  constructor(
    private readonly batch: string,
    private readonly kind: SourceKind,
  ) {}

  /**
   * Read a source from text and/or URL without creating it; `null` when neither is usable. Text that is
   * itself an http(s) URL counts as the URL; a non-http "URL" (javascript:, data:…) stays plain text.
   */
  resolve(text: string | undefined, url: string | undefined): ResolvedSource | null {
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
  idFor(c: Citation): string {
    const { publisher, link } = c;
    const key = [publisher ?? '', link ?? '', c.title ?? '', c.date ?? '', c.kind ?? ''].join('\u0000');
    const known = this.byKey.get(key);
    if (known) return known.id;
    const source: Source = {
      id: `imp-src-${this.batch}-${this.byKey.size + 1}`,
      publisher: publisher ?? new URL(link as string).hostname.replace(/^www\./, ''),
      title: c.title ?? link ?? (publisher as string),
      ...(c.date ? { date: c.date } : {}),
      kind: c.kind ?? this.kind,
      ...(link ? { url: link } : {}),
    };
    this.byKey.set(key, source);
    this.byId.set(source.id, source);
    return source.id;
  }

  /** A source created in this run, by id. */
  get(id: string): Source | undefined {
    return this.byId.get(id);
  }

  /** Every source created so far, in order of first use. */
  list(): Source[] {
    return [...this.byKey.values()];
  }
}
