import { describe, expect, it } from "vitest";
import { blogJsonLd, blogPostingJsonLd, scriptSafeJson } from "../../src/site/json-ld.js";

const hostile = "</script><script>alert(1)</script> & <!-- \u2028\u2029";

describe("JSON-LD", () => {
  it("cannot end its script element, and parses back to the same value", () => {
    const json = scriptSafeJson({ title: hostile });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json)).toEqual({ title: hostile });
  });

  it("describes a post as a BlogPosting", () => {
    const json = blogPostingJsonLd({
      title: hostile, description: "D", url: "https://example.com/posts/a/", published: new Date("2025-03-14T00:00:00Z"),
      modified: null, author: "Ann", image: "https://example.com/i.png", tags: ["ops", "rust"], language: "en",
    }, { name: "Blog", url: "https://example.com/" });
    expect(json).not.toContain("</script");
    expect(JSON.parse(json)).toEqual({
      "@context": "https://schema.org", "@type": "BlogPosting", headline: hostile, description: "D",
      url: "https://example.com/posts/a/", mainEntityOfPage: { "@type": "WebPage", "@id": "https://example.com/posts/a/" },
      datePublished: "2025-03-14T00:00:00.000Z", dateModified: "2025-03-14T00:00:00.000Z",
      author: { "@type": "Person", name: "Ann" }, image: "https://example.com/i.png", keywords: "ops, rust", inLanguage: "en",
      isPartOf: { "@type": "Blog", name: "Blog", url: "https://example.com/" },
    });
  });

  it("describes the site as a Blog, leaving out what it does not know", () => {
    const value = JSON.parse(blogJsonLd({ name: "B", description: "", url: "https://example.com/", author: null, language: "de" }));
    expect(value).toEqual({ "@context": "https://schema.org", "@type": "Blog", name: "B", url: "https://example.com/", inLanguage: "de" });
  });
});
