/**
 * Random, malformed and adversarial site folders for the build fuzzer (tests/e2e/fuzz-build.test.ts).
 *
 * A site is generated as a small description (SiteSpec) and only written to disk by
 * writeSite: huge inputs are `{ repeat, times }` pieces, so that a failing case prints as a
 * few readable lines with its seed instead of megabytes. Every site starts from the same
 * good base (baseSite), so that a fuzzed site can also build, and an output folder built
 * from the base is a real previous generation for it.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { onePixelPng, pngBytes } from "../assets/image-bytes.js";

/** Literal text, or `repeat` written `times` times. */
export type Piece = string | { readonly repeat: string; readonly times: number };

/**
 * How a text file's characters become bytes: UTF-8 as is, with a BOM, with CRLF or CR line
 * ends, as UTF-16 or Latin-1 (not UTF-8 at all), cut after `truncate` bytes (modulo its
 * length, so maybe inside a character), or with `bytes` spliced in at `at` (modulo length).
 */
export type Encoding =
  | "utf8"
  | "bom"
  | "crlf"
  | "cr"
  | "utf16le"
  | "latin1"
  | { readonly truncate: number }
  | { readonly at: number; readonly bytes: readonly number[] };

/** One thing in the site folder, written over the base site in order (a clash skips it). */
export type Entry =
  | { readonly kind: "text"; readonly path: string; readonly pieces: readonly Piece[]; readonly encoding: Encoding }
  | { readonly kind: "bytes"; readonly path: string; readonly bytes: readonly number[] }
  | { readonly kind: "dir"; readonly path: string }
  /** `target` is relative to the link's folder; `OUTSIDE/` starts a path in a folder beside the site root. */
  | { readonly kind: "link"; readonly path: string; readonly target: string };

export interface SiteSpec {
  readonly entries: readonly Entry[];
  /** Extra build flags: --strict, --drafts, --future. */
  readonly flags: readonly string[];
  /** What is at the output folder before the build (see Previous). */
  readonly previous: Previous;
}

/**
 * The output folder before the build: a build of the base site ("seeded"), nothing, or what a
 * killed build leaves (a partial `dist.staging` beside the output; or only `dist.previous` and
 * `dist.staging`, killed between the two renames), a build whose manifest is cut off, or a
 * folder of someone's own files without a manifest.
 */
export type Previous = "seeded" | "none" | "staging" | "between" | "damaged" | "foreign";

// ---------------------------------------------------------------------------------------------
// The good base every fuzzed site starts from.

const baseConfig = JSON.stringify({ title: "Fuzz", url: "https://example.com/blog/", timezone: "Europe/Berlin", nav: ["about"] });

/** The base site's files: two posts (one in a sub-folder, with an image and resources), a page, public files. */
export function baseSite(): Record<string, string | Uint8Array> {
  return {
    "site.config.json": baseConfig,
    "posts/base-one.md": [
      "!! title: Base one",
      "!! slug: base-one",
      "!! published: 2024-01-01",
      "!! tags: alpha, beta",
      "",
      "---",
      "",
      "An opening paragraph with ![a dot](./img/dot.png) and [the other post](./posts/base-two).",
      "",
      "## Setup",
      "",
      "```js",
      "const x = 1;",
      "```",
      "",
    ].join("\n"),
    "posts/img/dot.png": onePixelPng,
    "posts/2024/base-two.md": [
      "---",
      "title: Base two",
      "date: 2024-02-01",
      "tags: [beta]",
      "---",
      "",
      "See [setup](/posts/base-one#setup) and the picture ![pic](/images/pic.png) (Humble & Farley, 2010).",
      "",
      "---",
      "",
      "# Resources",
      "",
      "1. [Humble & Farley - Continuous Delivery](https://example.com/cd-book)",
      "",
    ].join("\n"),
    "pages/about.md": "!! title: About\n\nAbout this site.\n",
    "public/images/pic.png": pngBytes(4, 3),
    "public/favicon.ico": new Uint8Array([0, 0, 1, 0]),
  };
}

/** Files of the folder beside the root that symlinks named `OUTSIDE/…` point into. */
export function outsideFiles(): Record<string, string | Uint8Array> {
  return {
    "secret.md": "!! title: Secret\n!! published: 2024-01-01\n\nOutside the site.\n",
    "secret.png": onePixelPng,
    "dir/inner.md": "!! title: Inner secret\n!! published: 2024-01-01\n\nAlso outside.\n",
  };
}

// ---------------------------------------------------------------------------------------------
// Characters and words.

/**
 * One character of every Unicode general category, and the troublemakers among them. NUL
 * (Cc too) makes a whole file "not text", so it comes in rarely, as a fragment of its own.
 */
export const unicodeSamples: readonly string[] = [
  "A", "a", "\u01C5", "\u02B0", "\u4E2D", // Lu Ll Lt Lm Lo
  "\u0301", "\u0903", "\u20DD", // Mn Mc Me (combining marks)
  "\u0663", "\u216B", "\u00BD", // Nd Nl No
  "_", "\u2014", "(", ")", "\u00AB", "\u00BB", "!", // Pc Pd Ps Pe Pi Pf Po
  "+", "\u20AC", "^", "\u00A9", // Sm Sc Sk So
  "\u00A0", "\u3000", "\u2028", "\u2029", // Zs Zl Zp
  "\u0007", "\u001B", "\u007F", "\u0085", "\t", "\r", "\v", "\f", // Cc
  "\u200E", "\u200F", "\u202E", "\u2066", "\uFEFF", "\u200D", "\u00AD", // Cf (LRM, RLM, RLO, LRI, BOM, ZWJ, SHY)
  "\uD800", "\uDFFF", "\uDBFF\uDBFF", // Cs: lone surrogates
  "\uE000", "\uDB80\uDC00", // Co
  "\uFFFF", "\uFFFE", "\u0378", "\uDBFF\uDFFF", // Cn
  "\uD83D\uDE00", "\uD835\uDD18", "e\u0301\u0301\u0301", "\u05E9\u05DC\u05D5\u05DD", "\u0627\u0644\u0639", // astral, stacked marks, Hebrew, Arabic
  "\u0130", "\u0131", "\u00DF", "\u1E9E", "\uFB01", "\u212A", // case mapping oddities
];

const markup = ["Foo", "foo", "FOO", "a b", "\u00FCber caf\u00E9", "x:y", "#", "[", "]", "*", "`", "\\", "<script>", "</script>",
  "&amp;", "&", "<", ">", '"', "'", "{{ x }}", "{% raw %}", "---", "!!", "..", "/", "%2e%2e", "%zz"];

const word = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...unicodeSamples) },
  { weight: 2, arbitrary: fc.constantFrom(...markup) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 6 }) },
  { weight: 3, arbitrary: fc.constantFrom("deploy", "rollback", "cache", "friday", "setup", "alpha") },
);

const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((ws) => ws.join(" "));

// ---------------------------------------------------------------------------------------------
// Header fields.

const slugValue = fc.oneof(
  fc.constantFrom("base-one", "base-two", "about", "foo", "Foo", "FOO", "foo-", "-foo", "foo--bar", "..", ".", "a/b", "a\\b",
    "tags", "posts", "archive", "page", "assets", "", "x".repeat(300), "\u00FCber", "foo bar", "%2e%2e", "index", "feed.xml",
    "con", "nul", "404", "0"),
  fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/),
  word,
);

const dateValue = fc.oneof(
  fc.constantFrom("2024-01-01", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "0000-01-01", "9999-12-31",
    "99999-01-01", "-0001-01-01", "2024-1-1", "2024/01/01", "01/02/2024", "yesterday", "", "2024-01-01T09:30:00+01:00",
    "2024-01-01T25:00:00Z", "2024-01-01T09:30:00+99:00", "2024-03-31T02:30:00", "2030-01-01", "2024-01-01T09:30", "1e10", "NaN",
    "2024-01-01T00:00:00.123456789Z", "2024-10-27T02:30:00", "2024-01-01 09:30", "\u0662\u0660\u0662\u0664-01-01", "2024-01-01Z",
    "1969-12-31", "275760-09-13", "2024-W01", "2024-001"),
  fc.date({ min: new Date(-1e14), max: new Date(1e14), noInvalidDate: true }).map((d) => d.toISOString()),
);

const listValue = fc.array(fc.oneof(word, slugValue), { maxLength: 4 }).map((ws) => ws.join(", "));

const aliasValue = fc.array(
  fc.constantFrom("/old/", "/posts/base-one/", "/posts/x/", "old", "https://other.example/x/", "/../../etc/", "/a b/", "/%zz/",
    "/blog/old/", "//evil.example/", "/index.html", "/posts/", "/tags/", "",
    // Files the build writes itself: an alias there would replace them.
    "/daylight-manifest.json", "/_redirects", "/_headers/", "/feed.xml", "/tags/alpha/atom.xml", "/sitemap.xml/x/", "/404.html"),
  { maxLength: 3 },
).map((ws) => ws.join(", "));

/** A header field: a known key with a value of its kind, a typo, a duplicate, or noise. */
const field: fc.Arbitrary<readonly [string, string]> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constant("title"), fc.oneof(words(5), fc.constant(""))) },
  { weight: 3, arbitrary: fc.tuple(fc.constant("slug"), slugValue) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom("published", "date", "updated"), dateValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constant("description"), words(6)) },
  { weight: 2, arbitrary: fc.tuple(fc.constant("tags"), listValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constant("aliases"), aliasValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constant("draft"), fc.constantFrom("true", "false", "yes", "1", "", "maybe")) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("author", "image"), fc.oneof(words(3), fc.constantFrom("./img/dot.png", "/images/pic.png", "/nope.png", "https://e.com/x.png", "../../etc/passwd"))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("publised", "titel", "Title", "TITLE", "slugs", "", " ", "a b", "title ", "x-y", "__proto__", "constructor"), words(2)) },
  { weight: 1, arbitrary: fc.tuple(words(2), words(2)) },
);

/** The title and date a post needs to build, so that fuzzed sites build often enough. */
const usualFields: readonly (readonly [string, string])[] = [["title", "Fuzzed"], ["published", "2024-03-01"]];

/** A header that parses: a title, a good date, maybe a good slug, tags, a description or a draft flag. */
const cleanFields = fc
  .tuple(
    words(4).map((w) => w.replace(/[\r\n\u2028\u2029\u0085]/g, " ").trim() || "Title"),
    fc.constantFrom("2024-03-01", "2023-12-31T23:59:59+01:00", "2026-06-01", "2030-01-01", "2024-02-29"),
    fc.option(fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/), { nil: undefined }),
    fc.option(fc.constantFrom("alpha", "beta, gamma", "Alpha, alpha", "\u00fcber, caf\u00e9", "a b"), { nil: undefined }),
    fc.option(fc.constantFrom("true", "false"), { nil: undefined }),
  )
  .map(([title, published, slug, tags, draft]) => [
    ["title", title] as const,
    ["published", published] as const,
    ...(slug === undefined ? [] : [["slug", slug] as const]),
    ...(tags === undefined ? [] : [["tags", tags] as const]),
    ...(draft === undefined ? [] : [["draft", draft] as const]),
  ]);

const messyFields = fc
  .tuple(fc.boolean(), fc.array(field, { maxLength: 6 }))
  .map(([usual, fields]) => [...(usual ? usualFields : []), ...fields]);

const headerFields = fc.oneof({ weight: 3, arbitrary: cleanFields }, { weight: 2, arbitrary: messyFields });

const bangHeader = fc
  .tuple(headerFields, fc.array(fc.constantFrom("!!", "!! ", "!!:", "!! : x", "!!title", "!! no colon", "  !! title: indented", "!! title:"), { maxLength: 1 }))
  .map(([fields, broken]) => fields.map(([k, v]) => `!! ${k}: ${v}`).concat(broken).join("\n"));

const yamlValue = fc.oneof(
  words(3).map((w) => JSON.stringify(w)),
  words(3),
  fc.constantFrom("[unclosed", "{a: 1", "*anchor", "&a [*a]", "!!js/function 'function(){}'", "!!binary aGk=", "|\n  block\n  text",
    ">-\n  folded", "[]", "{}", "null", "~", "true", "2024-01-01", "2024-13-45", "0x1F", ".inf", "-.nan", "'unterminated", '"esc\\u00"',
    "- a\n- b", "\t tab", "a: b: c", "? complex\n: key", "%YAML 1.2"),
);

/** Every alias expands to the one before it nine times over: a billion laughs if anything copies it naively. */
const billionLaughs = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => {
  const name = String.fromCharCode(98 + i);
  const prev = String.fromCharCode(97 + i);
  return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`;
}), "tags: *i"].join("\n");

const yamlFields = fc.oneof(
  { weight: 3, arbitrary: cleanFields.map((fields) => fields.map(([k, v]) => [k, JSON.stringify(v)] as const)) },
  { weight: 2, arbitrary: fc.tuple(fc.boolean(), fc.array(fc.tuple(field.map(([k]) => k), yamlValue), { maxLength: 6 }))
    .map(([usual, fields]) => [...(usual ? usualFields : []), ...fields]) },
);

const yamlHeader = fc
  .tuple(
    yamlFields,
    fc.constantFrom("---\n", "---\n", "---\n", "---", "...\n", "", "--- \n", "----\n"),
    fc.nat(19),
    // Front matter in another language: gray-matter would run `---js` as JavaScript.
    fc.oneof({ weight: 12, arbitrary: fc.constant("---\n") }, { weight: 1, arbitrary: fc.constantFrom("---js\n", "---javascript\n", "---coffee\n", "---toml\n", "--- yaml\n") }),
  )
  .map(([fields, close, laughs, open]) =>
    open + fields.map(([k, v]) => `${k}: ${v}`).join("\n") + (laughs === 0 ? `\n${billionLaughs}` : "") + "\n" + close,
  );

// ---------------------------------------------------------------------------------------------
// Body fragments.

const postTarget = fc.constantFrom("./posts/", "posts/", "/posts/", "../posts/", "/blog/posts/", "./Posts/", "/posts//");
const fragment = fc.constantFrom("", "#setup", "#nope", "#", "#Setup", "#resource-1", "#resource-99", "#%zz", "#\u00FCber", "#a b", "#fn-1");

const link = fc.oneof(
  fc.tuple(words(2), postTarget, fc.oneof(fc.constantFrom("base-one", "base-two", "2024/base-two"), slugValue), fragment).map(([t, p, s, f]) => `[${t}](${p}${s}${f})`),
  fc.tuple(words(2), fc.constantFrom("https://example.com/x", "mailto:a@b", "javascript:alert(1)", "/images/pic.png", "/nope.png",
    "./img/dot.png", "./img/missing.png", "/favicon.ico", "%zz", "/%zz", "./%E0%A4%A", "/posts/base-one/index.html", "<>", "<a b>",
    "//evil.example/", "/blog/", "", "#setup", "#nope", "../../outside/secret.md", "file:///etc/passwd", "/assets/", "/tags/alpha/",
    "\u0000", "data:text/html,<script>x</script>")).map(([t, u]) => `[${t}](${u})`),
  fc.constantFrom("<https://example.com>", "https://example.com/autolink", "www.example.com", "a@b.co", "[ref]\n\n[ref]: /posts/nope"),
);

const image = fc.constantFrom("![a](./img/dot.png)", "![a](./img/missing.png)", "![a](/images/pic.png)", "![a](/images/%ZZ.png)",
  "![a](./img/dot.png?x=1#y)", "![a](../../outside/secret.png)", "![a](img/dot.png)", "![a](/images/)", "![](<./img/dot.png>)",
  "![a](./img/broken.png)", "![a](./img/x.svg)", "![a](/)", "![a]()", "![a](./img/dot.png \"title\")");

const code = fc.oneof(
  fc.tuple(fc.constantFrom("js", "ts", "python", "nosuchlang", "", "  js  ", "js{1,2}", "c++", "\u00FCber", "html", "markdown", "diff",
    "JS", "shell", "ansi", "txt"), words(4), fc.boolean())
    .map(([lang, body, closed]) => "```" + lang + "\n" + body + "\n" + (closed ? "```" : "")),
  fc.constantFrom("~~~~ {.python}\nprint(1)\n~~~~", "    indented code", "`inline", "``a`b``", "```\n```\n```"),
);

const rawHtml = fc.constantFrom("<div>", "</div>", "<div><p>unclosed", "<script>alert(1)</script>", "<img src=\"/nope.png\">",
  "<img src=\"./img/dot.png\">", "<a href=\"/posts/nope/\">x</a>", "<a href=\"/blog/posts/base-one/#nope\">x</a>", "<!-- more -->",
  "<!--", "<table><tr><td>", "<svg><a href=\"x\"><text>t</text></a></svg>", "<a href=\"%zz\">x</a>", "<img srcset=\"/a.png 1x, ,\">",
  "<style>body{background:url(/nope.png)}</style>", "<iframe src=\"javascript:x\"></iframe>", "<?php x ?>", "<![CDATA[ x ]]>",
  "<math><mi>x</mi></math>", "<template><p>t</p></template>", "<p id=\"setup\">dup id</p>", "<h2 id=\"\">empty</h2>", "</p></p></p>",
  "<a name=\"x\" href>", "<base href=\"https://evil.example/\">", "<img src=\"data:,\" srcset=\"\">");

const resources = fc
  .tuple(fc.constantFrom("Resources", "References", "Sources", "resources", "Links"), fc.array(fc.oneof(
    fc.constantFrom("[Humble & Farley - Continuous Delivery](https://example.com/cd)", "[No dash](https://example.com/x)",
      "[ - ](https://e.com)", "plain text item", "[A - B](/posts/base-one)", "[A - B](./img/dot.png)", "[A - B](%zz)"),
    words(3),
  ), { maxLength: 4 }), fc.constantFrom("1. ", "- ", "* ", "10. "), fc.boolean())
  .map(([heading, items, marker, after]) =>
    `---\n\n# ${heading}\n\n${items.map((item) => marker + item).join("\n")}\n${after ? "\nText written after the list.\n" : ""}`);

const citation = fc.constantFrom("(Humble & Farley, 2010)", "(Humble and Farley 2010)", "(Nobody, 1999)", "(A, 2016; B, 1992)",
  "(, )", "(A, 99999999999999999999)", "(\u00DCber, 2020)", "(A,2016;)", "(;;)");

const smallNest = fc.tuple(fc.constantFrom("> ", "- ", "1. ", "* ", "  - ", "<div>", "<blockquote>", "*", "_", "**", "[", "(", "`", "~~", "<!--", "| ", "#", "    ", "\t"),
  fc.integer({ min: 1, max: 120 }));

const block: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 5, arbitrary: words(12) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom("# ", "## ", "### ", "###### ", "####### ", "#"), fc.oneof(words(3), fc.constant("Setup"))).map(([h, t]) => h + t) },
  { weight: 5, arbitrary: link },
  { weight: 2, arbitrary: image },
  { weight: 2, arbitrary: code },
  { weight: 2, arbitrary: rawHtml },
  { weight: 1, arbitrary: resources },
  { weight: 2, arbitrary: citation },
  { weight: 1, arbitrary: fc.constantFrom("| a | b |\n|:-|-:|\n| 1 | 2 |", "| a |\n|---|---|\n| 1 | 2 | 3 |", "|\n|-|", "[^1]\n\n[^1]: note",
    "[^x]: orphan", "- [ ] task\n- [x] done", "***", "---", "___", "Setext\n===", "<!-- more -->", "\\", "&#0;", "&#xD800;", "&nbsp;",
    "&#x110000;", "\u0000", "\r", "\r\n", "a  \nb", "$$x$$") },
  { weight: 2, arbitrary: smallNest.map(([repeat, times]) => ({ repeat, times })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((times) => ({ repeat: "[l](/posts/base-one#setup) ", times })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((times) => ({ repeat: "x", times })) },
);

const separator = fc.constantFrom("\n\n", "\n\n", "\n", "", " ", "\r\n\r\n");

const body = fc.array(fc.tuple(separator, block), { maxLength: 8 }).map((parts) => parts.flatMap(([sep, b]) => [sep, b]));

/** A post's text: a `!!` header, YAML front matter, or neither, then a body. */
const postPieces: fc.Arbitrary<Piece[]> = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: bangHeader }, { weight: 3, arbitrary: yamlHeader }, { weight: 1, arbitrary: fc.constantFrom("", "+++\ntitle = 'x'\n+++", "# Just markdown", "\uFEFF", "\n\n!! title: late") }),
    fc.constantFrom("\n\n---\n\n", "\n\n", "\n", "", "\n---\n", "\r\n\r\n---\r\n"),
    body,
  )
  .map(([header, sep, rest]) => [header, sep, ...rest]);

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 30, arbitrary: fc.constant<Encoding>("utf8") },
  { weight: 5, arbitrary: fc.constantFrom<Encoding>("bom", "crlf", "cr", "utf16le", "latin1") },
  // Cut anywhere, or inside the header: a `!!` line or front matter that stops mid-way.
  { weight: 2, arbitrary: fc.oneof(fc.nat(), fc.nat(60)).map((truncate): Encoding => ({ truncate })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0x80], [0x80], [0xe2, 0x82]))
      .map(([at, bytes]): Encoding => ({ at, bytes })),
  },
);

// ---------------------------------------------------------------------------------------------
// Paths and entries.

const fileName = fc.oneof(
  fc.constantFrom("foo", "Foo", "FOO", "fo\u00F6", "fo\u0308o", "\u00FCber caf\u00E9", "a b", "-", "---", "x", "base-one", "base-two",
    "about", "tags", "index", "_draft", ".hidden", "con", "a:b", "a*b", "#1", "%2e%2e", "\u202Etxt.md", "\u0130", "\u00DF",
    "\uD83D\uDE00", "e\u0301", "x".repeat(200), "2024-01-01-post", "feed.xml", "a\u200Db", "\u3000"),
  fc.stringMatching(/^[a-zA-Z0-9 _.-]{1,12}$/),
  word.map((w) => w.replace(/[/\u0000]/g, "x")),
);

const postExt = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(".md", ".markdown", ".txt", ".MD", ".Md") },
  { weight: 1, arbitrary: fc.constantFrom("", ".md.bak", ".mdx", ".md ") },
);

const postDir = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("posts/", "posts/2024/", "posts/deep/er/and/deeper/", "posts/Foo/", "pages/") },
  { weight: 1, arbitrary: fc.constantFrom("posts/_skipped/", "posts/.hidden/") },
);

const postPath = fc.tuple(postDir, fileName, postExt).map(([dir, name, ext]) => `${dir}${name}${ext}`);

const textEntry = fc.tuple(postPath, postPieces, encoding).map(([p, pieces, enc]): Entry => ({ kind: "text", path: p, pieces, encoding: enc }));

const bytesEntry = fc.tuple(postPath, fc.uint8Array({ maxLength: 48 })).map(([p, bytes]): Entry => ({ kind: "bytes", path: p, bytes: [...bytes] }));

const emptyEntry = fc.tuple(postPath, fc.constantFrom("", "\uFEFF", "\n", " \n\t\n", "\r\n")).map(([p, text]): Entry => ({ kind: "text", path: p, pieces: [text], encoding: "utf8" }));

const dirEntry = fc.tuple(postDir, fileName, fc.constantFrom(".md", ".markdown", ".txt", "")).map(([dir, name, ext]): Entry => ({ kind: "dir", path: `${dir}${name}${ext}` }));

const linkEntry = fc.oneof(
  fc.tuple(fileName, fc.constantFrom("base-one.md", "2024/base-two.md", "../pages/about.md", "OUTSIDE/secret.md", "OUTSIDE/dir", "OUTSIDE/nothing.md",
    "nothing.md", ".", "..", "../posts", "/", "/etc", "/dev/null", "/proc/self/fd/0", "img", "img/dot.png", "OUTSIDE/secret.png"), fc.constantFrom(".md", "", ".txt"))
    .map(([name, target, ext]): Entry => ({ kind: "link", path: `posts/${name}${ext}`, target })),
  fc.tuple(fc.constantFrom("public/", "public/images/", "posts/img/", "pages/"), fileName, fc.constantFrom(".png", ".md", "", ".txt"),
    fc.constantFrom("OUTSIDE/secret.png", "OUTSIDE/dir", "OUTSIDE/secret.md", "../favicon.ico", "pic.png", "dot.png", "nothing", ".", "/etc/passwd"))
    .map(([dir, name, ext, target]): Entry => ({ kind: "link", path: `${dir}${name}${ext}`, target })),
  fc.constantFrom<Entry>(
    { kind: "link", path: "posts/loop", target: "." },
    { kind: "link", path: "posts/up", target: ".." },
    { kind: "link", path: "public/loop", target: "." },
    { kind: "link", path: "pages", target: "posts" },
    { kind: "link", path: "public", target: "OUTSIDE" },
    { kind: "link", path: "posts/img", target: "OUTSIDE" },
  ),
);

const assetEntry = fc.tuple(
  fc.constantFrom("public/", "public/images/", "public/.well-known/", "posts/img/", "public/deep/er/", "posts/"),
  fc.oneof(fc.constantFrom("pic.png", "dot.png", "broken.png", "x.svg", "x.jpg", "robots.txt", "CNAME", "_headers", "_redirects", "index.html",
    "feed.xml", "daylight-manifest.json", "404.html", "sitemap.xml", "assets", "posts", "Pic.PNG"), fileName),
  fc.oneof(
    fc.uint8Array({ maxLength: 40 }).map((b) => [...b]),
    fc.constantFrom([...pngBytes(0, 0)], [...pngBytes(0xffffffff, 1)], [...onePixelPng.subarray(0, 20)], [0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff],
      [...Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1e999" height="-1">')], [...Buffer.from("<svg")], [...Buffer.from("GIF89a")], []),
  ),
).map(([dir, name, bytes]): Entry => ({ kind: "bytes", path: `${dir}${name}`, bytes }));

const configText = fc.oneof(
  fc.constantFrom("", "{", "null", "[]", "\"\"", "{}", '{"url": 5}', '{"url": "not a url"}', '{"url": "ftp://example.com/"}',
    '{"url": "https://example.com/blog"}', '{"url": "https://example.com/a b/"}', '{"url": "https://example.com/%zz/"}',
    '{"url": "https://example.com/blog/", "postsPerPage": 0}', '{"url": "https://example.com/blog/", "postsPerPage": -1}',
    '{"url": "https://example.com/blog/", "postsPerPage": 1.5}', '{"url": "https://example.com/blog/", "postsPerPage": 1e300}',
    '{"url": "https://example.com/blog/", "postsPerPage": 1}', '{"url": "https://example.com/blog/", "feedItems": 0}',
    '{"url": "https://example.com/blog/", "timezone": "Mars/Olympus"}', '{"url": "https://example.com/blog/", "timezone": ""}',
    '{"url": "https://example.com/blog/", "nav": ["nope", "about", "about"]}', '{"url": "https://example.com/blog/", "nav": "about"}',
    '{"url": "https://example.com/blog/", "redirects": {"/posts/base-one/": "/x/"}}',
    '{"url": "https://example.com/blog/", "redirects": {"/a/": "/a/"}}', '{"url": "https://example.com/blog/", "redirects": {"": ""}}',
    '{"url": "https://example.com/blog/", "gone": ["/posts/base-one/", "/"]}', '{"url": "https://example.com/blog/", "keepGenerations": -5}',
    '{"url": "https://example.com/blog/", "redirects": {"/daylight-manifest.json": "/posts/base-one/", "/_redirects/": "/"}}',
    '{"url": "https://example.com/blog/", "gone": ["/_headers"]}', '{"url": "https://example.com/blog/", "renderBudgetSeconds": 0}',
    '{"url": "https://example.com/blog/", "renderBudgetSeconds": "30"}', '{"url": "https://example.com/blog/", "renderBudgetSeconds": 1e9}',
    '{"url": "https://example.com/blog/", "language": "\u0000"}', '{"url": "https://example.com/blog/", "title": "</script><script>x"}',
    '{"url": "https://example.com/blog/", "url": "https://example.com/"}', '{"url": "https://example.com/blog/" /* c */, }',
    '{"url": "https://example.com/blog/", "__proto__": {"x": 1}}', '{"url": "https://example.com/blog/", "titel": "x"}',
    '{"url": "https://example.com/blog/",\n  "postsPerPage": "ten",\n  "feedItems": null\n}', '{"url": "https://\u00FCber.example/"}',
    '{"url": "https://example.com/?q=1#x"}', '{"url": "https://user:pw@example.com/"}', '{"url": "https://example.com/blog/"}\n{"extra": 1}'),
  fc.tuple(fc.constantFrom("title", "description", "author", "language", "url", "timezone"), words(3))
    .map(([k, v]) => JSON.stringify({ url: "https://example.com/blog/", [k]: v })),
);

const configEntry = fc.tuple(configText, encoding).map(([text, enc]): Entry => ({ kind: "text", path: "site.config.json", pieces: [text], encoding: enc }));

const templateEntry = fc.tuple(
  fc.constantFrom("templates/post.liquid", "templates/index.liquid", "templates/partials/head.liquid", "templates/nosuch.liquid", "templates/assets/style.css"),
  fc.constantFrom("{% if %}", "{{ post.title | nosuchfilter }}", "{% include 'missing' %}", "{{ post.title", "{% for x in %}{% endfor %}",
    "{% endif %}", "", "{{ post.title | raw }}", "x\n{% bogus %}\ny", "body { background: url(/nope.png) }", "\u0000", "{{ '\uD800' }}",
    "{% layout 'nope' %}", "{% render 'nope' %}", "{{ 1 | divided_by: 0 }}", "{{ post.extra.__proto__ }}"),
).map(([p, text]): Entry => ({ kind: "text", path: p, pieces: [text], encoding: "utf8" }));

/** Posts that collide by design: the same slug in two spellings, or one slug twice. */
const collisionEntries = fc
  .constantFrom(
    [["posts/Foo.md", ""], ["posts/foo.md", ""]],
    [["posts/a.md", "!! slug: foo\n"], ["posts/b.md", "!! slug: Foo\n"]],
    [["posts/a.md", "!! slug: base-one\n"]],
    [["posts/\u00FCber.md", ""], ["posts/uber.md", ""]],
    [["posts/a.md", "!! slug: about\n"], ["pages/a.md", "!! slug: about\n"]],
    [["posts/x/foo.md", ""], ["posts/y/foo.md", ""]],
    [["posts/FOO.md", ""], ["posts/Foo.markdown", ""], ["posts/foo.txt", ""]],
  )
  .map((files) => files.map(([p, extra]): Entry => ({
    kind: "text",
    path: p as string,
    pieces: [`!! title: Collision ${p}\n${extra}!! published: 2024-05-05\n\n---\n\nBody.\n`],
    encoding: "utf8",
  })));

const entry: fc.Arbitrary<Entry[]> = fc.oneof(
  { weight: 12, arbitrary: textEntry.map((e) => [e]) },
  { weight: 1, arbitrary: bytesEntry.map((e) => [e]) },
  { weight: 1, arbitrary: emptyEntry.map((e) => [e]) },
  { weight: 1, arbitrary: dirEntry.map((e) => [e]) },
  { weight: 2, arbitrary: linkEntry.map((e) => [e]) },
  { weight: 2, arbitrary: assetEntry.map((e) => [e]) },
  { weight: 1, arbitrary: configEntry.map((e) => [e]) },
  { weight: 1, arbitrary: templateEntry.map((e) => [e]) },
  { weight: 1, arbitrary: collisionEntries },
);

const flags = fc.subarray(["--strict", "--drafts", "--future"]);

/** A random site: the base with up to eight things added or replaced. */
export const siteSpec: fc.Arbitrary<SiteSpec> = fc
  .record({
    entries: fc.array(entry, { maxLength: 8 }).map((groups) => groups.flat()),
    flags,
    previous: fc.oneof(
      { weight: 6, arbitrary: fc.constant<Previous>("seeded") },
      { weight: 2, arbitrary: fc.constant<Previous>("none") },
      { weight: 1, arbitrary: fc.constantFrom<Previous>("staging", "between", "damaged", "foreign") },
    ),
  });

// ---------------------------------------------------------------------------------------------
// Writing a site.

export const expand = (pieces: readonly Piece[]): string =>
  pieces.map((piece) => (typeof piece === "string" ? piece : piece.repeat.repeat(piece.times))).join("");

/** The bytes of `text` in `encoding`. */
export function encode(text: string, enc: Encoding): Buffer {
  if (enc === "utf8") return Buffer.from(text, "utf8");
  if (enc === "bom") return Buffer.from("\uFEFF" + text, "utf8");
  if (enc === "crlf") return Buffer.from(text.replace(/\r?\n/g, "\r\n"), "utf8");
  if (enc === "cr") return Buffer.from(text.replace(/\r?\n/g, "\r"), "utf8");
  if (enc === "utf16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  if (enc === "latin1") return Buffer.from(text, "latin1");
  const bytes = Buffer.from(text, "utf8");
  if ("truncate" in enc) return bytes.subarray(0, enc.truncate % (bytes.length + 1));
  const at = enc.at % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(enc.bytes), bytes.subarray(at)]);
}

/**
 * Writes the base site, then `spec`'s entries, into `root`, and the outside files into
 * `outside` (a folder beside it). An entry that clashes with an earlier one (a file where a
 * folder is, a name the file system refuses) is skipped: the site is whatever could be written.
 */
export function writeSite(spec: SiteSpec, root: string, outside: string): void {
  writeFiles(outside, outsideFiles());
  writeFiles(root, baseSite());
  for (const e of spec.entries) {
    const full = path.join(root, e.path);
    const inside = path.relative(root, full);
    if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) continue; // a name like `..`
    try {
      mkdirSync(path.dirname(full), { recursive: true });
      if (e.kind === "text") writeFileSync(full, encode(expand(e.pieces), e.encoding));
      else if (e.kind === "bytes") writeFileSync(full, Uint8Array.from(e.bytes));
      else if (e.kind === "dir") mkdirSync(full, { recursive: true });
      else {
        rmSync(full, { recursive: true, force: true });
        const target = e.target.startsWith("OUTSIDE") ? path.join(outside, e.target.slice("OUTSIDE".length)) : e.target;
        symlinkSync(target, full);
      }
    } catch {
      // a clash with an earlier entry: this one is not part of the site
    }
  }
}

function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}
