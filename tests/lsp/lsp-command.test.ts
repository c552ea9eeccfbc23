import { describe, expect, it } from "vitest";
import { parseCommand, UsageError } from "../../src/cli/parse-args.js";
import { runCli } from "../support/run-cli.js";

describe("daylight lsp on the command line", () => {
  it("takes --root and --posts from the folder the user is in, and accepts the --stdio editors add", () => {
    expect(parseCommand(["lsp", "--stdio"], "/home/me", "/cwd")).toEqual({ kind: "lsp", root: undefined, postsDir: undefined });
    expect(parseCommand(["lsp", "--root", "blog", "--posts", "blog/writing"], "/home/me", "/cwd"))
      .toEqual({ kind: "lsp", root: "/home/me/blog", postsDir: "/home/me/blog/writing" });
    expect(() => parseCommand(["lsp", "--port", "4"], "/home/me", "/cwd")).toThrow(UsageError);
  });

  it("--help says what it serves; the main help lists it", async () => {
    const help = await runCli(["lsp", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out.join("\n")).toMatch(/^Usage: daylight lsp/);
    expect((await runCli(["--help"])).out.join("\n")).toContain("daylight lsp");
    expect((await runCli(["lps"])).err.join("\n")).toContain('did you mean "lsp"?');
  });
});
