import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Connection, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { configFileName } from "../config/config-file-names.js";
import { resolveConfig } from "../config/resolve-config.js";
import type { Diagnostic } from "../diagnostics.js";
import type { SiteChange } from "../dev/classify-change.js";
import { toLspDiagnostic } from "./lsp-diagnostic.js";
import type { WorkQueue } from "./work-queue.js";
import type { Workspace } from "./workspace.js";

/** What publishes diagnostics: a file's check, a reload after the folder changed, a file's close. */
export interface DocumentChecks {
  /** Queues the check of an open file; `later`: after whatever else is queued (a re-check caused by another file). */
  check(uri: string, later?: boolean): void;
  reload(changes: readonly SiteChange[]): void;
  closed(uri: string): void;
  /** The config's diagnostics as the file on disk gives them. */
  publishConfig(): Promise<void>;
}

/** The checks of the open files of `workspace()`, through `queue`, published on `connection`. */
export function createDocumentChecks(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  queue: WorkQueue,
  workspaceOf: () => Workspace | undefined,
): DocumentChecks {
  const recheckOthers = (uri: string) => {
    for (const other of documents.all()) if (other.uri !== uri) checks.check(other.uri, true);
  };
  const checks: DocumentChecks = {
    check: (uri, later = false) => queue.add(uri, async () => {
      const document = documents.get(uri);
      const file = pathOf(uri);
      const workspace = workspaceOf();
      if (document === undefined || workspace === undefined || file === undefined) return;
      const text = document.getText();
      const site = workspace.documentOf(file, text);
      if (site === undefined) return notAPost(workspace, uri, file, document);
      // An edit that moves a slug or URL, or breaks or mends a header, changes what other open files are checked against.
      if (workspace.edit(site, text)) recheckOthers(uri);
      const report = await workspace.diagnose(site.key);
      const diagnostics = (report?.diagnostics ?? []).filter((d) => d.file === site.key);
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, text)) });
    }, later),
    reload: (changes) => queue.add("reload", async () => {
      const workspace = workspaceOf();
      if (workspace === undefined) return;
      await workspace.reload(changes);
      await checks.publishConfig();
      for (const document of documents.all()) checks.check(document.uri);
    }),
    closed(uri) {
      const file = pathOf(uri);
      const key = file === undefined ? undefined : workspaceOf()?.keyOf(file);
      if (key === undefined) return;
      queue.add(uri, async () => {
        // The config's diagnostics are those of the file on disk again; a post's are dropped.
        if (key === configFileName) return checks.publishConfig();
        await connection.sendDiagnostics({ uri, diagnostics: [] });
        if (workspaceOf()?.close(key)) recheckOthers(uri);
      });
    },
    publishConfig: async () => {
      const workspace = workspaceOf();
      if (workspace !== undefined) await publishConfig(connection, workspace);
    },
  };
  /**
   * A file that is not a post or page: the config is checked as typed; one that no longer
   * is (a `.txt` whose header is gone) has what was published for it cleared; any other is left alone.
   */
  const notAPost = async (workspace: Workspace, uri: string, file: string, document: TextDocument) => {
    const key = workspace.keyOf(file);
    if (key === configFileName) return publishConfigText(connection, uri, document.version, document.getText());
    if (key === undefined || !workspace.isOpen(key)) return;
    if (workspace.close(key)) recheckOthers(uri);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
  };
  return checks;
}

/** The file a `file:` URI names; undefined for any other scheme (an untitled buffer). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The config's diagnostics on the config file (none when it is fine: that clears the old ones). */
async function publishConfig(connection: Connection, workspace: Workspace): Promise<void> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of workspace.configDiagnostics()) if (d.file !== undefined) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const name of new Set([configFileName, ...byFile.keys()])) {
    const file = path.resolve(workspace.layout.root, name);
    const text = readText(file);
    if (text === undefined) continue;
    const diagnostics = (byFile.get(name) ?? []).map((d) => toLspDiagnostic(d, text));
    await connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }
}

/**
 * The diagnostics of site.config.json as typed, before a save: the build's own check of its
 * text. The posts are checked against the saved config (read again when it is saved).
 */
async function publishConfigText(connection: Connection, uri: string, version: number, text: string): Promise<void> {
  const diagnostics = resolveConfig(text).diagnostics.filter((d) => d.file === configFileName);
  await connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, text)) });
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
