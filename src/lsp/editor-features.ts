import type { Connection, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Workspace } from "./workspace.js";

/** How the features reach files: URIs and paths, and the wait until every queued check is done. */
export interface FeatureHelpers {
  pathOf(uri: string): string | undefined;
  uriOf(file: string): string;
  idle(): Promise<void>;
}

/** Completion, definition, hover, references and rename. */
export function registerEditorFeatures(
  _connection: Connection,
  _documents: TextDocuments<TextDocument>,
  _workspace: () => Workspace | undefined,
  _helpers: FeatureHelpers,
): void {}
