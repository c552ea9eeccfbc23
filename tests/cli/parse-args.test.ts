import { describe, expect, it } from "vitest";
import { parseCommand, UsageError } from "../../src/cli/parse-args.js";

const parse = (...argv: string[]) => parseCommand(argv, "/home/w/here", "/repo");

describe("parseCommand", () => {
  it("takes relative paths from the folder the user typed the command in", () => {
    expect(parse("build", "--posts", "notes", "--out", "../site")).toMatchObject({
      kind: "build",
      root: "/repo",
      postsDir: "/home/w/here/notes",
      outDir: "/home/w/site",
    });
  });

  it("reads the boolean flags", () => {
    expect(parse("build", "--strict", "--drafts", "--future", "--base-url", "https://e.com/")).toMatchObject({
      strict: true,
      drafts: true,
      future: true,
      baseUrl: "https://e.com/",
    });
  });

  it("joins the words of a title for new", () => {
    expect(parse("new", "Hello", "world", "--root", "/x")).toEqual({ kind: "new", root: "/x", title: "Hello world" });
  });

  it.each([
    [["build", "--nope"]],
    [["build", "--out"]],
    [["build", "stray"]],
    [["new"]],
    [["frobnicate"]],
  ])("refuses %j as a usage error", (argv) => {
    expect(() => parse(...argv)).toThrow(UsageError);
  });

  it("answers help and version", () => {
    expect(parse()).toEqual({ kind: "help", topic: undefined });
    expect(parse("build", "--help")).toEqual({ kind: "help", topic: "build" });
    expect(parse("--version")).toEqual({ kind: "version" });
  });

  it("reads init: the folder as DIR or --root, the settings, --force", () => {
    expect(parse("init")).toEqual({ kind: "init", root: "/repo", title: undefined, url: undefined, author: undefined, force: false });
    expect(parse("init", "blog", "--title", "Notes", "--url", "https://e.com/x/", "--author", "Ada", "--force")).toEqual({
      kind: "init", root: "/home/w/here/blog", title: "Notes", url: "https://e.com/x/", author: "Ada", force: true,
    });
    expect(parse("init", "--root", "../b")).toMatchObject({ root: "/home/w/b" });
    expect(parse("init", "--help")).toEqual({ kind: "help", topic: "init" });
  });

  it.each([
    [["init", "a", "b"]],
    [["init", "a", "--root", "b"]],
    [["init", "--url", "example.com"]],
    [["init", "--url", "ftp://example.com/"]],
    [["init", "--title", " "]],
  ])("refuses %j as a usage error", (argv) => {
    expect(() => parse(...argv)).toThrow(UsageError);
  });

  it("says what --to needs when npm run deploy is given no folder", () => {
    expect(() => parse("deploy", "--to")).toThrow(/needs --to DIR.*npm run deploy -- \/var\/www\/blog/);
  });

  it.each([
    [["biuld"], /unknown command "biuld" \(did you mean "build"\?\)/],
    [["serve"], /unknown command "serve" \(did you mean "dev"\?\)/],
    [["publish"], /did you mean "deploy"/],
    [["build", "--ouput", "x"], /Unknown option '--ouput' \(did you mean "--out"\?\)/],
    [["build", "--strcit"], /did you mean "--strict"/],
    [["deploy", "--too", "x"], /did you mean "--to"/],
  ])("names the command or option meant for %j", (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });

  it("suggests nothing for a word that is far from every command and option", () => {
    expect(() => parse("xyzzy")).toThrow(/^unknown command "xyzzy"$/);
    expect(() => parse("build", "--xyzzy")).toThrow(/^Unknown option '--xyzzy'$/);
  });
});
