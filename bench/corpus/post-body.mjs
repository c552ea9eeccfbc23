/** The markdown body of one generated post: sections, prose, links, citations, resources. */
import { createRng, postSeed } from "./prng.mjs";
import { ADJECTIVES, AUTHORS, HOSTS, NOUNS } from "./vocabulary.mjs";
import { codeBlock, list, sentenceText, sentenceWords, table } from "./prose.mjs";

/** Lowercase-and-dash id, as github-slugger makes it for the ASCII headings used here. */
export function headingId(text) {
  return text.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");
}

/** Builds the body of `meta` (daylight link style: `./posts/<slug>`); `all` is every post's meta. */
export function postBody(meta, all, seed) {
  const r = createRng(postSeed(seed, meta.index + 1_000_003));
  const blocks = sections(r, meta);
  const paragraphs = blocks.filter((b) => b.kind === "p");
  const resources = r.chance(0.5) ? r.sample(AUTHORS, r.int(2, 3)) : [];
  const links = [...crossLinks(r, meta, all), ...externalLinks(r, resources.length === 0 ? 8 : 6)];
  for (const link of links) insertLink(r, r.pick(paragraphs).sentences, link);
  for (const [author] of resources.slice(0, 2)) r.pick(paragraphs).sentences.push(citation(r, author));
  const text = blocks.map(renderBlock).join("\n\n");
  return resources.length === 0 ? `${text}\n` : `${text}\n\n---\n\n# Resources\n\n${resourceList(resources)}\n`;
}

function sections(r, meta) {
  const blocks = [];
  const target = r.int(800, 1600); // lists, code and tables add ~300 words on top
  let words = 0;
  const paragraph = () => {
    const sentences = Array.from({ length: r.int(3, 6) }, () => sentenceWords(r));
    words += sentences.reduce((n, s) => n + s.length, 0);
    blocks.push({ kind: "p", sentences });
  };
  paragraph();
  paragraph();
  for (const [i, heading] of meta.headings.entries()) {
    blocks.push({ kind: "raw", text: `## ${heading}` });
    const share = (target - words) / (meta.headings.length - i);
    const start = words;
    paragraph();
    if (r.chance(0.35)) blocks.push({ kind: "raw", text: list(r) });
    if (r.chance(0.3)) blocks.push({ kind: "raw", text: codeBlock(r) });
    if (r.chance(0.15)) blocks.push({ kind: "raw", text: table(r) });
    if (r.chance(0.3)) blocks.push({ kind: "raw", text: `### The ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}` });
    while (words - start < share - 40) paragraph();
  }
  return blocks;
}

function crossLinks(r, meta, all) {
  const links = [];
  const count = Math.min(all.length - 1, r.int(4, 6));
  while (links.length < count) {
    const target = all[r.int(0, all.length - 1)];
    if (target.index === meta.index) continue;
    const fragment = links.length === 0 && r.chance(0.4) ? `#${headingId(r.pick(target.headings))}` : "";
    const form = r.pick(["./posts/", "./posts/", "./posts/", "/posts/", "posts/"]);
    links.push(`${form}${target.slug}${fragment}`);
  }
  return links;
}

function externalLinks(r, count) {
  return Array.from({ length: count }, () => `https://${r.pick(HOSTS)}/${r.pick(NOUNS).replace(" ", "-")}/${r.int(1, 400)}`);
}

function insertLink(r, sentences, url) {
  const words = r.pick(sentences);
  // Link two plain words in the middle of the sentence, never a code span or an earlier link.
  for (let attempt = 0; attempt < 8; attempt++) {
    const at = r.int(1, Math.max(1, words.length - 2));
    const pair = words.slice(at, at + 2);
    if (pair.length === 2 && pair.every((w) => /^[a-z]+$/.test(w))) {
      words.splice(at, 2, `[${pair.join(" ")}](${url})`);
      return;
    }
  }
  words.push(`(see [this note](${url}))`);
}

function citation(r, author) {
  return ["As argued elsewhere", `(${author}, ${r.int(1995, 2023)})`];
}

function renderBlock(block) {
  return block.kind === "p" ? block.sentences.map(sentenceText).join(" ") : block.text;
}

function resourceList(resources) {
  return resources
    .map(([author, title], i) => `${i + 1}. [${author} - ${title}](https://books.example.com/${headingId(title)})`)
    .join("\n");
}
