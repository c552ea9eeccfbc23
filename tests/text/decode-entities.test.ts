import { describe, expect, it } from "vitest";
import { decodeEntities } from "../../src/text/decode-entities.js";

describe("decodeEntities", () => {
  it("decodes the named, decimal and hexadecimal references the pipeline writes", () => {
    expect(decodeEntities("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;")).toBe(`a & b <c> "d" 'e'`);
    expect(decodeEntities("&#39;&#x2F;&#X2f;&#x1F600;&nbsp;")).toBe("'//😀\u00a0");
  });

  it("leaves what is no character, or not one it knows, as written", () => {
    expect(decodeEntities("&#0; &#x110000; &copy; &AMP; & alone &amp")).toBe("&#0; &#x110000; &copy; &AMP; & alone &amp");
  });
});
