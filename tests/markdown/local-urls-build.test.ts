import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOutput, runCli, tempDir } from "../support/run-cli.js";

/** A site at https://example.com/blog/ with one post (`body`), a clip and its poster beside it, and a page. */
function site(body: string): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts/2024"), { recursive: true });
  mkdirSync(path.join(root, "pages"));
  writeFileSync(path.join(root, "posts/2024/clip-post.md"), `!! title: Clip\n!! slug: clip-post\n!! published: 2024-01-02\n\n---\n\n${body}\n`);
  writeFileSync(path.join(root, "posts/2024/clip.mp4"), "not really a video");
  writeFileSync(path.join(root, "posts/2024/clip.vtt"), "WEBVTT\n");
  writeFileSync(path.join(root, "posts/2024/clip.jpg"), Buffer.from("ffd8ffe000104a46494600", "hex"));
  writeFileSync(path.join(root, "pages/about.md"), "!! title: About\n\n---\n\nMe.\n");
  return root;
}

async function build(root: string) {
  const out = path.join(tempDir(), "dist");
  const run = await runCli(["build", "--root", root, "--out", out, "--base-url", "https://example.com/blog/"]);
  return { out, run };
}

describe("local URLs in a built site", () => {
  it("publishes and rewrites a video's src, poster and track, and a link to a page; the output check passes", async () => {
    const video = '<video src="./clip.mp4" poster="./clip.jpg" controls><track src="clip.vtt" kind="captions"></video>';
    const { out, run } = await build(site(`${video}\n\nSee [me](/about/).`));
    expect(run.err.filter((line) => / error /.test(line))).toEqual([]);
    expect(run.code).toBe(0);
    const page = readOutput(out, "posts/clip-post/index.html");
    const poster = /poster="\/blog\/(assets\/clip\.[0-9a-f]+\.jpg)"/.exec(page)?.[1];
    const track = /<track src="\/blog\/(assets\/clip\.[0-9a-f]+\.vtt)"/.exec(page)?.[1];
    expect(poster && readOutput(out, poster)).toBeTruthy();
    expect(track && readOutput(out, track)).toBe("WEBVTT\n");
    expect(page).toContain('<a href="/blog/about/">me</a>');
  });

  it("leaves a link that names nothing as written, and the output check reports it where it lands", async () => {
    const { out, run } = await build(site("See [x](foo) and <a href=\"/docs/\">docs</a>."));
    expect(run.code).toBe(1);
    expect(run.err.join("\n")).toMatch(/broken-reference/);
    expect(run.err.join("\n")).toMatch(/foo/);
    expect(out).toBeTruthy();
  });
});
