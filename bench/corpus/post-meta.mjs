/** Per-post metadata (title, slug, date, tags, headings, header format) for a whole corpus. */
import { createRng, postSeed } from "./prng.mjs";
import { ADJECTIVES, HEADINGS, NOUNS, TAGS, TITLE_PATTERNS } from "./vocabulary.mjs";
import { sentenceText, sentenceWords } from "./prose.mjs";

const NEWEST = Date.UTC(2025, 11, 1, 8, 0, 0);
const STEP_MS = 9 * 3600 * 1000;

/** Lowercase ASCII slug of a title. */
export function slugOf(title) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Metadata for `size` posts; post 0 is the newest, each next one 9 hours older. */
export function corpusMeta(size, seed) {
  const slugs = new Set();
  return Array.from({ length: size }, (_, index) => {
    const r = createRng(postSeed(seed, index));
    const title = uniqueTitle(r, slugs, index);
    const slug = slugOf(title);
    slugs.add(slug);
    const published = new Date(NEWEST - index * STEP_MS);
    return {
      index,
      title,
      slug,
      published,
      year: published.getUTCFullYear(),
      format: index % 2 === 0 ? "bang" : "yaml",
      explicitSlug: r.chance(0.5),
      description: r.chance(0.6) ? sentenceText(sentenceWords(r)).replace(/`/g, "") : null,
      tags: r.sample(TAGS, r.int(1, 4)),
      headings: r.sample(HEADINGS, r.int(4, 7)),
    };
  });
}

function uniqueTitle(r, slugs, index) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const title = r.pick(TITLE_PATTERNS)(r.pick(ADJECTIVES), r.pick(NOUNS), r.pick(NOUNS));
    if (!slugs.has(slugOf(title))) return title;
  }
  return `${r.pick(TITLE_PATTERNS)(r.pick(ADJECTIVES), r.pick(NOUNS), r.pick(NOUNS))}, part ${index}`;
}

/** ISO date-time with an explicit offset, e.g. `2025-03-14T09:00:00+00:00`. */
export function isoDate(date) {
  return date.toISOString().replace(/\.000Z$/, "+00:00");
}

/** The daylight source: `!!` header or YAML front matter, as the post's format says. */
export function daylightSource(meta, body) {
  if (meta.format === "yaml") return `${yamlHeader(meta, { slug: meta.explicitSlug })}\n${body}`;
  const lines = [`!! title: ${meta.title}`];
  if (meta.explicitSlug) lines.push(`!! slug: ${meta.slug}`);
  lines.push(`!! published: ${isoDate(meta.published)}`);
  if (meta.description) lines.push(`!! description: ${meta.description}`);
  lines.push(`!! tags: ${meta.tags.join(", ")}`);
  return `${lines.join("\n")}\n\n---\n\n${body}`;
}

/** YAML front matter (`date`, quoted title, tag list) as Jekyll, Eleventy and Hugo users write it. */
export function yamlHeader(meta, { slug }) {
  const lines = ["---", `title: ${JSON.stringify(meta.title)}`];
  if (slug) lines.push(`slug: ${meta.slug}`);
  lines.push(`date: ${meta.published.toISOString().replace(/\.000Z$/, "Z")}`);
  if (meta.description) lines.push(`description: ${JSON.stringify(meta.description)}`);
  lines.push(`tags: [${meta.tags.join(", ")}]`);
  return `${lines.join("\n")}\n---\n`;
}

/** Rewrites daylight post links (`./posts/x#f`, `posts/x`, `/posts/x`) to `/posts/x/#f` for other generators. */
export function rootedPostLinks(body) {
  return body.replace(/\]\((?:\.\/|\/)?posts\/([a-z0-9-]+)(#[a-z0-9-]+)?\)/g, (_, slug, frag) => `](/posts/${slug}/${frag ?? ""})`);
}
