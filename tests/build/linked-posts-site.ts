import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../support/run-cli.js";

/** A site with enough posts to be worth threads, linking to each other, with code to highlight. */
export function linkedPostsSite(posts: number): string {
  const root = tempDir();
  mkdirSync(path.join(root, "posts"));
  for (let i = 0; i < posts; i++) {
    const link = i > 0 ? `See [the one before](./posts/post-${i - 1}#part-two).` : "The first.";
    writeFileSync(
      path.join(root, "posts", `post-${i}.md`),
      `!! title: Post ${i}\n!! published: 2024-01-${String((i % 28) + 1).padStart(2, "0")}\n!! tags: t${i % 3}\n\n` +
        `## Part one\n\n${link}\n\n## Part two\n\n\`\`\`ts\nconst n: number = ${i};\n\`\`\`\n\n| a | b |\n|---|---|\n| ${i} | x |\n`,
    );
  }
  return root;
}
