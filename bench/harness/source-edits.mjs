/**
 * The edits a writer makes between two builds, as pure functions of a source's text: a new
 * title, a new slug, links that follow a renamed post, a comment in a template. The corpus
 * writes posts in two header formats (`!! key: value` and YAML front matter); each edit
 * handles both, and throws when the text is not what the generator writes (the bench must
 * not measure an edit that silently did nothing).
 */

/** The post with its title set to `title` (`!! title:` or YAML `title:`, the header's first one). */
export function withTitle(source, title) {
  return replaceHeaderField(source, "title", (format) => (format === "bang" ? title : JSON.stringify(title)));
}

/** The post with its explicit slug set to `slug`; throws when the post has no `slug` field. */
export function withSlug(source, slug) {
  return replaceHeaderField(source, "slug", () => slug);
}

/** The post's title as written in its header (YAML's quoted form decoded). */
export function titleOf(source) {
  const match = headerField(source, "title");
  if (match === null) throw new Error("the post has no title field");
  return match.format === "bang" ? match.value : JSON.parse(match.value);
}

/** True when the post's header names its slug (a post without one takes it from its file name). */
export function hasExplicitSlug(source) {
  return headerField(source, "slug") !== null;
}

/**
 * The text with every post link to `from` (`](./posts/from`, `](/posts/from`, `](posts/from`,
 * with or without `#fragment`) pointing at `to` instead; a longer slug that starts the same
 * (`from-two`) is left alone.
 */
export function relinked(source, from, to) {
  return source.replace(postLink(from), (_, prefix) => `](${prefix}${to}`);
}

/** How many post links to `slug` the text holds. */
export function linksTo(source, slug) {
  return (source.match(postLink(slug)) ?? []).length;
}

/**
 * A Liquid template with an HTML comment (which reaches every page it renders) just before its
 * last `{%- endblock %}` (or at its end): inside the block, because a child template's text
 * outside its blocks is not rendered.
 */
export function withTemplateComment(template, comment) {
  const at = template.lastIndexOf("{%- endblock");
  const mark = `<!-- ${comment} -->\n`;
  return at === -1 ? `${template}${mark}` : `${template.slice(0, at)}${mark}${template.slice(at)}`;
}

function headerField(source, key) {
  const header = source.slice(0, headerEnd(source));
  const match = new RegExp(`^(!! |)${key}: (.*)$`, "m").exec(header);
  return match === null ? null : { format: match[1] === "" ? "yaml" : "bang", value: match[2], match };
}

/** Where the header ends: YAML's closing `---`, or the first line that does not start with `!!`. */
function headerEnd(source) {
  if (source.startsWith("---\n")) return source.indexOf("\n---", 3);
  const body = /^(?!!!)/m.exec(source);
  return body === null ? source.length : body.index;
}

function replaceHeaderField(source, key, value) {
  const field = headerField(source, key);
  if (field === null) throw new Error(`the post has no ${key} field`);
  const { match, format } = field;
  return `${source.slice(0, match.index)}${match[1]}${key}: ${value(format)}${source.slice(match.index + match[0].length)}`;
}

/** `](` + an optional `./` or `/` + `posts/<slug>`, the slug not followed by more slug characters. */
function postLink(slug) {
  return new RegExp(`\\]\\(((?:\\./|/)?posts/)${escapeRegExp(slug)}(?![a-z0-9-])`, "g");
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
