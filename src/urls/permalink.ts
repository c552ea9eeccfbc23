import { slugify } from "../text/slugify.js";
import { closestMatch } from "../text/closest-match.js";

/** Where a post is unless the config's `"permalink"` says otherwise. */
export const defaultPermalink = "/posts/:slug/";

/** The placeholders a permalink pattern may use, each a whole segment. */
export const permalinkPlaceholders = ["slug", "section", "year", "month", "day"] as const;
type Placeholder = (typeof permalinkPlaceholders)[number];

// Folders daylight writes itself: a pattern starting with one would write posts among them.
const ownFolders = new Set(["archive", "assets", "page", "tags"]);
// No dot: a segment never looks like a file (`feed.xml`), nor `.` or `..`.
const literal = /^[A-Za-z0-9_~-]+$/;

/** What is wrong with a `"permalink"` config value, or undefined when it is a usable pattern. */
export function permalinkProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return "must be a string";
  if (!value.startsWith("/") || !value.endsWith("/") || value.length < 3) {
    return `must start and end with "/" and contain :slug, like "/posts/:slug/" or "/:slug/" (got "${value}")`;
  }
  const segments = value.slice(1, -1).split("/");
  const seen = new Set<string>();
  for (const segment of segments) {
    const problem = segmentProblem(segment, seen);
    if (problem) return problem;
  }
  if (!seen.has("slug")) return `must contain :slug, which tells posts apart (got "${value}")`;
  const first = segments[0] ?? "";
  if (ownFolders.has(first)) return `must not start with /${first}/, where daylight writes its own pages`;
  return undefined;
}

function segmentProblem(segment: string, seen: Set<string>): string | undefined {
  if (segment === "") return "must not have an empty segment (`//`)";
  if (segment.startsWith(":")) {
    const name = segment.slice(1);
    if (!(permalinkPlaceholders as readonly string[]).includes(name)) {
      const near = closestMatch(name, permalinkPlaceholders);
      return `has an unknown placeholder \`${segment}\`` + (near ? ` (did you mean \`:${near}\`?)` : "") +
        `: known ones are ${permalinkPlaceholders.map((p) => `:${p}`).join(", ")}`;
    }
    if (seen.has(name)) return `uses \`${segment}\` twice`;
    seen.add(name);
    return undefined;
  }
  if (segment.includes(":")) return `has \`${segment}\`: a placeholder takes a whole segment, like /:year/:slug/`;
  return literal.test(segment) ? undefined : `has \`${segment}\`: a fixed segment is letters, digits, - and _ only`;
}

/** What a post's URL is made of. */
export interface PermalinkFields {
  readonly slug: string;
  /** The post's folder under posts/ (see sectionOf); undefined for a post directly in posts/. */
  readonly section: string | undefined;
  readonly published: Date | undefined;
}

/**
 * The post's URL path (`/blog/release/v20/`, base path not included) from the pattern, or
 * the placeholder the post has no value for (`:section` for a post directly in posts/,
 * `:year` for a draft without a date).
 */
export function permalinkPath(pattern: string, fields: PermalinkFields, timeZone: string): { path: string } | { missing: Placeholder } {
  // Only a pattern with a date in it pays for formatting one.
  const dated = fields.published !== undefined && /:(year|month|day)\b/.test(pattern);
  const date = dated && fields.published !== undefined ? dateParts(fields.published, timeZone) : undefined;
  const values: Record<Placeholder, string | undefined> = {
    slug: fields.slug, section: fields.section, year: date?.year, month: date?.month, day: date?.day,
  };
  const out: string[] = [];
  for (const segment of pattern.slice(1, -1).split("/")) {
    if (!segment.startsWith(":")) {
      out.push(segment);
      continue;
    }
    const name = segment.slice(1) as Placeholder;
    const value = values[name];
    if (value === undefined) return { missing: name };
    out.push(value);
  }
  return { path: `/${out.join("/")}/` };
}

/**
 * A post's section: its first folder under posts/ (`posts/release/v20.md` and
 * `posts/release/v20/index.md` → `release`), as a slug. A page bundle's own folder is not
 * a section: `posts/v20/index.md` has none.
 */
export function sectionOf(path: string): string | undefined {
  const parts = path.split("/").filter((p) => p !== "");
  if (parts[0] !== "posts") return undefined;
  const bundle = parts.length > 2 && /^index\.[^.]+$/i.test(parts.at(-1) ?? "");
  const folders = parts.slice(1, bundle ? -2 : -1);
  const section = folders[0] === undefined ? "" : slugify(folders[0]);
  return section === "" ? undefined : section;
}

function dateParts(date: Date, timeZone: string): { year: string; month: string; day: string } {
  const parts = dayFormat(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: get("year").padStart(4, "0"), month: get("month"), day: get("day") };
}

/**
 * A regular expression matching a URL path below the base path (`blog/release/v20/`,
 * trailing `/` optional) in the pattern's form; its `slug` group is the post's slug.
 */
export function permalinkMatcher(pattern: string): RegExp {
  const parts = pattern.slice(1, -1).split("/").map((segment) => {
    switch (segment) {
      case ":slug": return "(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)";
      case ":year": return "\\d{4}";
      case ":month": case ":day": return "\\d{2}";
      case ":section": return "[a-z0-9]+(?:-[a-z0-9]+)*";
      default: return segment.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
    }
  });
  return new RegExp(`^${parts.join("/")}/?$`);
}

/**
 * One formatter per time zone: making an Intl.DateTimeFormat costs about a millisecond (it
 * loads the zone's rules), which was a second per 1,000 posts when made for each.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format;
}
