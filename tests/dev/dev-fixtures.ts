import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { startDevServer, type DevServer, type DevServerOptions } from "../../src/dev/dev-server.js";
import { siteLayout } from "../../src/read/read-site.js";

/** A post file's text with a `!!` header. */
export function postText(title: string, slug: string, body: string, published = "2024-03-05"): string {
  return `!! title: ${title}\n!! slug: ${slug}\n!! published: ${published}\n\n---\n\n${body}\n`;
}

/** Writes `files` (path → text) under `root`, making folders as needed. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** A small site: a config with a base path-free url, two posts, a public file. */
export const smallSite: Record<string, string> = {
  "site.config.json": JSON.stringify({ title: "Dev test", url: "https://example.com/", timezone: "UTC" }),
  "posts/alpha.md": postText("Alpha", "alpha", "The first post."),
  "posts/beta.md": postText("Beta", "beta", "The second post, [see alpha](./posts/alpha)."),
  "public/robots.txt": "User-agent: *\n",
};

/** Per test: a temp site folder and a dev server on a free port, both removed after the test. */
export function useDevServer(): {
  site(files?: Record<string, string>): string;
  start(root: string, options?: Partial<DevServerOptions>): Promise<DevServer>;
} {
  const dirs: string[] = [];
  const servers: DevServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    site(files = smallSite) {
      // realpath: on some systems tmpdir is a symlink, and the watcher reports real paths.
      const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "daylight-dev-")));
      dirs.push(dir);
      writeFiles(dir, files);
      return dir;
    },
    async start(root, options = {}) {
      const server = await startDevServer({
        layout: siteLayout(root),
        port: 0,
        now: new Date("2025-01-01T00:00:00Z"),
        debounceMs: 20,
        ...options,
      });
      servers.push(server);
      return server;
    },
  };
}

/** A raw HTTP response. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** GET with the request target sent exactly as written (no URL normalisation), and any Host header. */
export function rawGet(serverUrl: string, target: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawResponse> {
  const url = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path: target, headers, insecureHTTPParser: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Waits until `check` returns true (polling), or fails after `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 60_000, what = "condition"): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
