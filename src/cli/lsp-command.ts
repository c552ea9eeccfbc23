import path from "node:path";

/** `daylight lsp` as parsed: every path absolute. */
export interface LspCommand {
  readonly kind: "lsp";
  /** `--root`; undefined: the editor's workspace folder, else the current folder. */
  readonly root: string | undefined;
  readonly postsDir: string | undefined;
}

/**
 * `daylight lsp`: the language server, over stdin and stdout, until the editor says `exit`.
 * Nothing else may be written to stdout: it is the protocol's channel.
 */
export async function runLsp(command: LspCommand, now: () => Date): Promise<number> {
  const { startLanguageServer } = await import("../lsp/language-server.js");
  await startLanguageServer({
    root: command.root === undefined ? undefined : path.resolve(command.root),
    postsDir: command.postsDir,
    now,
    input: process.stdin,
    output: process.stdout,
  });
  return 0;
}
