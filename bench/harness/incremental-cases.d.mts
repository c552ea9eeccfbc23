/** Types of incremental-cases.mjs, for the tests under tests/bench/. */
export interface CasePost {
  index?: number;
  slug: string;
  file: string;
}
export interface CaseContext {
  corpus: { posts: CasePost[]; editTarget: CasePost; dirs: Record<string, string>; size?: number };
  page(rel: string): Promise<string | null>;
  [key: string]: unknown;
}
export interface CaseOutcome {
  diff: { differing: string[]; changed: number; added: number; removed: number; touched: boolean };
  saidNothingChanged: boolean;
  outDir?: string;
}
export interface IncrementalCase {
  name: string;
  label: string;
  changesSources?: boolean;
  prime?: boolean;
  setup?(ctx: CaseContext): Promise<unknown>;
  apply(ctx: CaseContext, i: number, state: unknown): Promise<void>;
  verify(ctx: CaseContext, i: number, state: unknown, outcome: CaseOutcome): Promise<string[]> | string[];
  restore?(ctx: CaseContext, state: unknown): Promise<void>;
}
export declare const incrementalCases: IncrementalCase[];
