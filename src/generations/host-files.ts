import type { Diagnostic } from "../diagnostics.js";
import type { OutputFile } from "../model.js";
import { outputContents } from "../files/output-contents.js";
import type { Redirect } from "./collect-redirects.js";
import { renderHeadersFile } from "./render-headers-file.js";
import { renderRedirectsFile } from "./render-redirects-file.js";
import { unsafeFileNames } from "./unsafe-file-names.js";
import { manifestPath } from "../urls/generated-files.js";

/** The build's files with daylight's `_headers` and `_redirects` in place, merged with the site's own. */
export interface HostFiles {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Adds `_headers` and `_redirects` to `files`. A site that ships its own (public/_headers)
 * keeps it: its rules follow daylight's in `_headers`, and come first in `_redirects`,
 * where the first matching rule wins, so a hand-written rule beats a generated one.
 */
export async function withHostFiles(
  files: readonly OutputFile[],
  routes: { readonly redirects: readonly Redirect[]; readonly gone: readonly string[] },
  basePath: string,
): Promise<HostFiles> {
  const userHeaders = textOf(files.find((file) => file.path === "_headers"));
  const userRedirects = textOf(files.find((file) => file.path === "_redirects"));
  const rest = files.filter((file) => file.path !== "_headers" && file.path !== "_redirects");
  const redirects = renderRedirectsFile(routes.redirects, routes.gone, basePath);
  const paths = [...rest.map((file) => file.path), "_redirects", manifestPath];
  const headers = renderHeadersFile(paths, basePath);
  const join = (first: string, second: string | undefined) => (second === undefined ? first : `${first}\n${second}`);
  return {
    files: [
      ...rest,
      { path: "_headers", contents: join(headers.text, userHeaders) },
      { path: "_redirects", contents: userRedirects === undefined ? redirects.text : join(userRedirects, redirects.text) },
    ],
    // A name that would add lines to _headers stops the build (renderHeadersFile leaves it out too).
    diagnostics: [...unsafeFileNames(rest), ...headers.diagnostics, ...redirects.diagnostics],
  };
}

function textOf(file: OutputFile | undefined): string | undefined {
  if (!file) return undefined;
  const contents = outputContents(file);
  return typeof contents === "string" ? contents : Buffer.from(contents).toString("utf8");
}
