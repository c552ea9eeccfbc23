/** Sentences, lists, tables and code blocks for generated posts, as markdown strings. */
import { ADJECTIVES, NOUNS, OPENERS, VERBS } from "./vocabulary.mjs";

const CODE_SPANS = [
  (r) => `\`npm run ${r.pick(["build", "test", "bench", "deploy"])}\``,
  (r) => `\`${r.pick(NOUNS).replace(" ", "-")}.json\``,
  (r) => `\`--${r.pick(ADJECTIVES)}\``,
  (r) => `\`${camel(r.pick(VERBS), r.pick(NOUNS))}()\``,
  (r) => `\`Cache-Control: max-age=${r.int(1, 9) * 60}\``,
];

/** Makes `verbNoun` identifiers out of vocabulary words. */
export function camel(verb, noun) {
  const parts = `${verb} ${noun}`.split(" ");
  return parts.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
}

/** One sentence as a word array (a code span counts as one word); 10–22 words. */
export function sentenceWords(r) {
  const words = [];
  if (r.chance(0.3)) words.push(`${r.pick(OPENERS)},`);
  words.push("the", r.pick(ADJECTIVES), r.pick(NOUNS), r.pick(VERBS), "the", r.pick(NOUNS));
  const target = r.int(10, 22);
  while (words.length < target) {
    const clause = r.int(0, 4);
    if (clause === 0) words.push("before", "the", r.pick(NOUNS), r.pick(VERBS), "it");
    else if (clause === 1) words.push("and", "then", r.pick(VERBS), "a", r.pick(ADJECTIVES), r.pick(NOUNS));
    else if (clause === 2) words.push("when", "a", r.pick(NOUNS), "is", r.pick(ADJECTIVES));
    else if (clause === 3) words.push("with", r.pick(CODE_SPANS)(r));
    else words.push("so", "nobody", "waits", "for", "the", r.pick(NOUNS));
  }
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words;
}

/** Joins a sentence's words, ending it with a full stop. */
export function sentenceText(words) {
  return `${words.join(" ")}.`;
}

/** A bulleted or numbered list of 3–6 items. */
export function list(r) {
  const ordered = r.chance(0.35);
  const items = [];
  for (let i = 0; i < r.int(3, 6); i++) {
    const words = sentenceWords(r).slice(0, r.int(6, 14));
    items.push(`${ordered ? `${i + 1}.` : "-"} ${words.join(" ").replace(/,$/, "")}`);
  }
  return items.join("\n");
}

/** A GFM table of 3–4 columns and 3–6 rows. */
export function table(r) {
  const cols = r.int(3, 4);
  const head = ["setup", "p50 ms", "p99 ms", "peak MiB"].slice(0, cols);
  const rows = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`];
  for (let i = 0; i < r.int(3, 6); i++) {
    const cells = [`\`${r.pick(ADJECTIVES)}-${r.pick(NOUNS).replace(" ", "-")}\``];
    for (let c = 1; c < cols; c++) cells.push(String(r.int(2, 900)));
    rows.push(`| ${cells.join(" | ")} |`);
  }
  return rows.join("\n");
}

/** A fenced code block in ts, bash or json. */
export function codeBlock(r) {
  const lang = r.pick(["ts", "bash", "json"]);
  const body = lang === "ts" ? tsCode(r) : lang === "bash" ? bashCode(r) : jsonCode(r);
  return `\`\`\`${lang}\n${body}\n\`\`\``;
}

function tsCode(r) {
  const fn = camel(r.pick(VERBS), r.pick(NOUNS));
  const noun = r.pick(NOUNS).replace(" ", "");
  const lines = [
    `import { readFile } from "node:fs/promises";`,
    ``,
    `export interface ${noun[0].toUpperCase()}${noun.slice(1)}Entry {`,
    `  key: string;`,
    `  size: number;`,
    `  ${r.pick(ADJECTIVES)}: boolean;`,
    `}`,
    ``,
    `export async function ${fn}(path: string): Promise<Map<string, number>> {`,
    `  const text = await readFile(path, "utf8");`,
    `  const result = new Map<string, number>();`,
  ];
  for (let i = 0; i < r.int(2, 8); i++) {
    lines.push(`  result.set("${r.pick(NOUNS)}", text.length % ${r.int(3, 97)});`);
  }
  lines.push(`  return result;`, `}`);
  return lines.join("\n");
}

function bashCode(r) {
  const commands = [
    () => `npm run build -- --out /tmp/site-${r.int(1, 99)}`,
    () => `rsync -a --delete dist/ deploy@host:/srv/site/releases/$(date +%s)/`,
    () => `ln -sfn /srv/site/releases/${r.int(1000, 9999)} /srv/site/current`,
    () => `curl -sI https://example.com/ | grep -i cache-control`,
    () => `time node lib/cli.js build --root . --${r.pick(ADJECTIVES)}`,
    () => `find dist -name '*.html' | wc -l`,
    () => `git log --oneline -n ${r.int(3, 20)}`,
  ];
  const lines = ["#!/usr/bin/env bash", "set -euo pipefail"];
  for (let i = 0; i < r.int(3, 8); i++) lines.push(r.pick(commands)());
  return lines.join("\n");
}

function jsonCode(r) {
  const lines = ["{"];
  const count = r.int(3, 7);
  for (let i = 0; i < count; i++) {
    const key = `${r.pick(ADJECTIVES)}${r.pick(NOUNS).replace(" ", "")[0].toUpperCase()}${i}`;
    const value = r.chance(0.5) ? String(r.int(0, 5000)) : `"${r.pick(NOUNS)}"`;
    lines.push(`  "${key}": ${value},`);
  }
  lines.push(`  "nested": {`, `    "enabled": ${r.chance(0.5)},`, `    "retries": ${r.int(0, 9)}`, `  }`, "}");
  return lines.join("\n");
}
