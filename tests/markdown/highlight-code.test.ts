import { describe, expect, it, vi } from "vitest";
import { codeLanguagesOf } from "../../src/markdown/code-languages.js";
import { prepareHighlighting } from "../../src/markdown/create-post-renderer.js";
import { renderPost } from "../../src/markdown/render-post.js";
import { makeContext, makePost } from "./make-post.js";

// Counts how often Shiki is imported and a highlighter made, and keeps the highlighters.
const shikiUse = vi.hoisted(() => ({ imported: 0, highlighters: [] as Array<Promise<{ getLoadedLanguages(): string[] }>> }));
vi.mock("shiki", async (importOriginal) => {
  const shiki = await importOriginal<typeof import("shiki")>();
  shikiUse.imported++;
  return {
    ...shiki,
    createHighlighter: (options: Parameters<typeof shiki.createHighlighter>[0]) => {
      const highlighter = shiki.createHighlighter(options);
      shikiUse.highlighters.push(highlighter);
      return highlighter;
    },
  };
});

/** Prepares the highlighter for the post, as buildSite does, then renders it. */
async function render(text: string) {
  const post = makePost(text);
  await prepareHighlighting([post]);
  return renderPost(post, makeContext());
}

describe("code highlighting", () => {
  // First, so that Shiki is still untouched: a post without fenced code never loads it.
  it("does not touch Shiki for posts without code blocks or with plain ones", async () => {
    const rendered = await render("# Title\n\nText with `inline code`.\n\n    indented code\n\n```\nno language\n```\n\n```text\nplain\n```\n");
    expect(shikiUse.imported).toBe(0);
    expect(shikiUse.highlighters).toHaveLength(0);
    expect(rendered.html).toContain("<pre><code>indented code\n</code></pre>");
    expect(rendered.html).toContain("<pre><code>no language\n</code></pre>");
    expect(rendered.html).toContain('<pre><code class="language-text">plain\n</code></pre>');
    expect(rendered.diagnostics).toEqual([]);
  });

  it("highlights TypeScript, bash and JSON with both themes' colours", async () => {
    const text = "```ts\nconst x: number = 1;\n```\n\n```bash\necho \"hi\" | grep h\n```\n\n```json\n{ \"a\": [1, true] }\n```\n";
    const { html, diagnostics } = await render(text);
    expect(diagnostics).toEqual([]);
    const blocks = html.split("</pre>").slice(0, 3).map((block) => block.trimStart());
    expect(blocks).toHaveLength(3);
    for (const [block, lang] of blocks.map((b, i) => [b, ["ts", "bash", "json"][i]] as const)) {
      expect(block).toMatch(/^<pre class="shiki shiki-themes github-light github-dark" style="[^"]*--shiki-dark-bg:/);
      expect(block).toContain(`<code class="language-${lang}">`);
      expect(block).toMatch(/<span style="color:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}">/);
    }
    expect(html).toContain(">const</span>");
    expect(html).not.toContain("<script");
  });

  it("keeps a block's final newline after its last line, and adds none to a block without one", async () => {
    const { html } = await render("```ts\nconst a = 1;\n\n```\n\n- ```ts\n  b\n");
    expect(html).toMatch(/<span class="line"><\/span>\n<\/code><\/pre>/); // "const a = 1;\n\n": an empty last line, then "\n"
    expect(html).toMatch(/>b<\/span><\/span>\n<\/code><\/pre>/);
    const { html: unclosed } = await render("```ts\n```\n");
    expect(unclosed).toContain('<code class="language-ts"><span class="line"></span></code></pre>');
  });

  it("keeps an unknown language plain, with one warning per language at its first block", async () => {
    const text = "Intro.\n\n```nosuchlang\na < b\n```\n\n```nosuchlang\nagain\n```\n\n```otherlang\nx\n```\n";
    const rendered = await render(text);
    expect(rendered.html).toContain('<pre><code class="language-nosuchlang">a &#x3C; b\n</code></pre>');
    expect(rendered.diagnostics).toMatchObject([
      { rule: "unknown-language", severity: "warning", line: 3, column: 1 },
      { rule: "unknown-language", severity: "warning", line: 11, column: 1 },
    ]);
  });

  it("makes one highlighter for all posts and loads each language only when a post needs it", async () => {
    await render("```python\nprint(1)\n```\n");
    await render("```py\nprint(2)\n```\n\n```ts\nlet a = 1\n```\n");
    expect(shikiUse.highlighters).toHaveLength(1);
    const loaded = (await shikiUse.highlighters[0]!).getLoadedLanguages();
    expect(loaded).toEqual(expect.arrayContaining(["typescript", "shellscript", "json", "python"]));
    expect(loaded).not.toContain("rust");
    expect(loaded).not.toContain("nosuchlang");
    expect(loaded.length).toBeLessThan(20); // the bundle has over 200
  });

  it("leaves code written as raw HTML as it is", async () => {
    const rendered = await render('```ts\nlet a\n```\n\n<pre><code class="language-ts">let b</code></pre>\n');
    expect(rendered.html).toContain('<pre><code class="language-ts">let b</code></pre>');
  });

  it("highlights fences inside lists and block quotes, and ignores `{…}` line attributes", async () => {
    const rendered = await render("- item\n\n  ```json\n  {}\n  ```\n\n> ```js{1,2}\n> let a\n> ```\n");
    expect(rendered.html).toContain('<code class="language-json">');
    expect(rendered.html).toContain('<code class="language-js{1,2}"><span class="line">');
    expect(rendered.diagnostics).toEqual([]);
  });

  it("refuses, as a programmer error, to render code whose language was never prepared", () => {
    expect(() => renderPost(makePost("```haskell\nmain = pure ()\n```\n"), makeContext())).toThrow(/prepareHighlighter/);
  });
});

describe("codeLanguagesOf", () => {
  it("finds the languages of backtick and tilde fences, lowercased", () => {
    expect([...codeLanguagesOf("```TS\n```\n~~~ bash title=x\n~~~\n  > - ```c\\+\\+\n")]).toEqual(["ts", "bash", "c++"]);
    expect(codeLanguagesOf("no fences, ~~strike~~ and `code`").size).toBe(0);
  });
});
