import fc from "fast-check";
import { propertyRuns } from "../support/property-runs.js";
import { describe, expect, it } from "vitest";
import { defaultSiteConfig } from "../../src/config/site-config.js";
import { parsePost } from "../../src/content/parse-post.js";
import { isValidSlug } from "../../src/content/slug.js";
import { slugify } from "../../src/text/slugify.js";

const runs = propertyRuns;
const config = { ...defaultSiteConfig, timezone: "Europe/Berlin" };

/** Text that looks like a post often enough to reach past the header checks. */
const postText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc
    .tuple(
      fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z_-]{0,12}$/), fc.string({ maxLength: 40 })), { maxLength: 6 }),
      fc.constantFrom("", "\n", "\n\n---\n\n", "\r\n---\r\n"),
      fc.string({ unit: "grapheme", maxLength: 200 }),
    )
    .map(([fields, separator, body]) => fields.map(([k, v]) => `!! ${k}: ${v}`).join("\n") + separator + body),
  fc
    .tuple(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120 }))
    .map(([yaml, body]) => `---\n${yaml}\n---\n${body}`),
);

describe("properties of reading a post", () => {
  it("never throws: any text gives a post or diagnostics, positioned inside the file", () => {
    fc.assert(
      fc.property(postText, (text) => {
        const { post, diagnostics } = parsePost({ path: "posts/x.md", text }, config);
        expect(post !== undefined || diagnostics.some((d) => d.severity === "error")).toBe(true);
        const lines = text.split("\n");
        for (const d of diagnostics) {
          if (d.line === undefined) continue;
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length);
          expect(d.column ?? 1).toBeGreaterThanOrEqual(1);
          expect(d.column ?? 1).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
        }
      }),
      runs,
    );
  });

  it("keeps every position true: the body is the file with the header blanked, newlines in place", () => {
    fc.assert(
      fc.property(postText, (text) => {
        const { post } = parsePost({ path: "posts/x.md", text }, config);
        if (!post) return;
        expect(post.body.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          if (text[i] === "\n") expect(post.body[i]).toBe("\n");
          else if (post.body[i] !== text[i]) expect(post.body[i]).toBe(" ");
        }
      }),
      runs,
    );
  });

  it("accepts only slugs that are safe as one path segment", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (slug) => {
        const { post } = parsePost({ path: "posts/x.md", text: `!! title: T\n!! slug: ${slug}\n!! published: 2024-01-01\n` }, config);
        if (!post) return;
        expect(isValidSlug(post.meta.slug)).toBe(true);
        expect(post.meta.slug).not.toMatch(/[/\\.]|^$/);
        expect(post.url).toBe(`/posts/${post.meta.slug}/`);
      }),
      runs,
    );
  });

  it("slugify gives a valid slug or nothing, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        const slug = slugify(text);
        expect(slug === "" || isValidSlug(slug)).toBe(true);
      }),
      runs,
    );
  });
});
