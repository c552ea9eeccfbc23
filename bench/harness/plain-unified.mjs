/**
 * Renders one markdown file with plain unified (remark-parse, remark-rehype, rehype-stringify;
 * no GFM, no plugins) and prints the milliseconds it took: the baseline of the pathological
 * bench. Run as a child process, so that a case that never ends can be killed.
 */
import { readFileSync } from "node:fs";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

const markdown = readFileSync(process.argv[2], "utf8");
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
const started = performance.now();
const html = String(processor.processSync(markdown));
console.log(JSON.stringify({ ms: performance.now() - started, bytes: html.length }));
