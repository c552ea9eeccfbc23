/** Types of source-edits.mjs, for the tests under tests/bench/. */
export declare function withTitle(source: string, title: string): string;
export declare function withSlug(source: string, slug: string): string;
export declare function titleOf(source: string): string;
export declare function hasExplicitSlug(source: string): boolean;
export declare function relinked(source: string, from: string, to: string): string;
export declare function linksTo(source: string, slug: string): number;
export declare function withTemplateComment(template: string, comment: string): string;
