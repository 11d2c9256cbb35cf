/** One step of link migration: rewrites the raw pairs of version `from` into version `from + 1`. */
import type { RawParam } from '../params';

export interface UrlMigration {
  /** Version this step reads. It writes `from + 1`. */
  from: number;
  /** What changed, for readers of the code. */
  description: string;
  /** Pure: returns new pairs (never mutates `params`) and notices for anything it had to drop. */
  migrate(params: readonly RawParam[]): { params: RawParam[]; notices: string[] };
}
