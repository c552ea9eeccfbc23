import { addScripts } from "./add-scripts.js";
import { examplePostPath, examplePostText, gitignoreText, initScripts, siteConfigText, type InitSettings } from "./init-files.js";

/**
 * What npm leaves in a folder before `npx daylight init` can run (`npm init`,
 * `npm install -D daylight-blog`), and what `git init` leaves: a folder holding only
 * these counts as empty.
 */
export const emptyFolderNames: ReadonlySet<string> = new Set([
  "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb",
  "node_modules", ".git",
]);

/** The folder as init finds it: read by the command, planned from here without touching the disk. */
export interface InitFolder {
  /** The names at the folder's top level. */
  readonly names: readonly string[];
  /** package.json's text, when there is one. */
  readonly packageJson: string | undefined;
  readonly gitignore: string | undefined;
  /** The files under posts/ (none when it is absent). */
  readonly postCount: number;
  /** The folder's own name, for a package.json init has to write. */
  readonly folderName: string;
}

/** What init was asked for. */
export interface InitRequest extends InitSettings {
  readonly force: boolean;
  /** YYYY-MM-DD: the example post's date. */
  readonly today: string;
  /** daylight's own package name and version, for a package.json init writes from scratch. */
  readonly packageName: string;
  readonly packageVersion: string;
}

/** One file to write: `create` never replaces a file (written exclusively), `update` rewrites one init read. */
export interface InitWrite {
  readonly path: string;
  readonly contents: string;
  readonly action: "create" | "update";
  /** One line for the report. */
  readonly note: string;
}

/** The plan: the writes, and what was left alone and why; or a refusal, changing nothing. */
export type InitPlan =
  | { readonly kind: "refused"; readonly reason: string; readonly hint: string }
  | { readonly kind: "write"; readonly writes: readonly InitWrite[]; readonly kept: readonly string[]; readonly newPackage: boolean };

/**
 * Plans `daylight init`. A folder holding anything but what npm and git leave is refused
 * unless `force`; even then nothing that exists is replaced: site.config.json and posts
 * are kept, package.json gets only the scripts it lacks, .gitignore only the lines it lacks.
 */
export function planInit(folder: InitFolder, request: InitRequest): InitPlan {
  const others = folder.names.filter((name) => !emptyFolderNames.has(name)).sort();
  if (others.length > 0 && !request.force) {
    const shown = others.slice(0, 5).join(", ") + (others.length > 5 ? `, and ${others.length - 5} more` : "");
    return {
      kind: "refused",
      reason: `the folder is not empty (it has ${shown}); nothing was written`,
      hint: "run init in an empty folder, or pass --force to add what is missing (existing files are kept, never overwritten)",
    };
  }
  const has = new Set(folder.names);
  const writes: InitWrite[] = [];
  const kept: string[] = [];
  if (has.has("site.config.json")) kept.push("site.config.json (it exists)");
  else writes.push({ path: "site.config.json", contents: siteConfigText(request), action: "create", note: "the site's title, url and author" });
  if (folder.postCount > 0) kept.push("posts/ (it has posts already: no example post added)");
  else writes.push({ path: examplePostPath, contents: examplePostText(request.today), action: "create", note: "an example post, a draft" });
  const pkg = packageJsonWrite(folder, request);
  if (typeof pkg === "string") return { kind: "refused", reason: `package.json cannot be updated: ${pkg}; nothing was written`, hint: "fix package.json, or move it away and run init again" };
  writes.push(...pkg.writes);
  kept.push(...pkg.kept);
  const gitignore = gitignoreText(folder.gitignore);
  if (gitignore !== undefined) {
    const action = folder.gitignore === undefined ? "create" : "update";
    writes.push({ path: ".gitignore", contents: gitignore, action, note: action === "create" ? "ignores the output and the build cache" : "added the output and the build cache" });
  }
  return { kind: "write", writes, kept, newPackage: folder.packageJson === undefined };
}

function packageJsonWrite(folder: InitFolder, request: InitRequest): { writes: InitWrite[]; kept: string[] } | string {
  if (folder.packageJson === undefined) {
    const pkg = {
      name: packageNameOf(folder.folderName),
      version: "0.0.0",
      private: true,
      scripts: initScripts,
      devDependencies: { [request.packageName]: `^${request.packageVersion}` },
    };
    const contents = `${JSON.stringify(pkg, null, 2)}\n`;
    return { writes: [{ path: "package.json", contents, action: "create", note: "the scripts, and daylight as a dev dependency" }], kept: [] };
  }
  const merge = addScripts(folder.packageJson, initScripts);
  if (typeof merge === "string") return merge;
  const kept = merge.kept.map(({ name, command }) => `the "${name}" script of package.json ("${command}"); "${initScripts[name]}" is what daylight would run`);
  if (merge.text === undefined) return { writes: [], kept };
  const note = `added the scripts ${merge.added.join(", ")}`;
  return { writes: [{ path: "package.json", contents: merge.text, action: "update", note }], kept };
}

/** An npm package name from a folder name: lowercase, URL-safe, never empty. */
function packageNameOf(folderName: string): string {
  const name = folderName.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+|-+$/g, "");
  return name === "" ? "my-blog" : name;
}
