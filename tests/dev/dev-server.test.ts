import { symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rawGet, useDevServer } from "./dev-fixtures.js";

const dev = useDevServer();

describe("dev server over raw HTTP", () => {
  it("serves pages from memory with the client injected, correct types and no-store", async () => {
    const root = dev.site();
    const server = await dev.start(root);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await rawGet(server.url, "/posts/alpha/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
    expect(page.body).toContain("The first post.");
    expect(page.body).toMatch(/<script type="module" src="\/__daylight\/client\.js"><\/script><\/body>/);
    // The built file itself never holds the client.
    const built = Buffer.from(server.site.files.get("posts/alpha/index.html")!).toString();
    expect(built).not.toContain("__daylight");
    const stylesheet = /href="(\/assets\/style\.[0-9a-f]{8}\.css)"/.exec(page.body)?.[1];
    const css = await rawGet(server.url, stylesheet!);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await rawGet(server.url, "/robots.txt")).headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect((await rawGet(server.url, "/__daylight/client.js")).headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect((await rawGet(server.url, "/__daylight/idiomorph.js")).body).toContain("Idiomorph");
  });

  it("links canonical URLs to the server itself, and shows drafts and future posts", async () => {
    const root = dev.site();
    writeFileSync(path.join(root, "posts/draft.md"), "!! title: Draft one\n!! slug: draft-one\n!! draft: true\n\n---\n\nSoon.\n");
    writeFileSync(path.join(root, "posts/later.md"), "!! title: Later\n!! slug: later\n!! published: 2099-01-01\n\n---\n\nLater.\n");
    const server = await dev.start(root);
    const page = await rawGet(server.url, "/posts/alpha/");
    expect(page.body).toContain(`href="${server.url}posts/alpha/"`);
    expect((await rawGet(server.url, "/posts/draft-one/")).status).toBe(200);
    expect((await rawGet(server.url, "/posts/later/")).status).toBe(200);
  });

  it("redirects a folder without its slash, answers 404 with the site's 404 page, refuses other methods", async () => {
    const server = await dev.start(dev.site());
    const redirect = await rawGet(server.url, "/posts/alpha");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe("/posts/alpha/");
    const missing = await rawGet(server.url, "/posts/nope/");
    expect(missing.status).toBe(404);
    expect(missing.body).toContain("__daylight/client.js");
    expect((await rawGet(server.url, "/", {}, "POST")).status).toBe(405);
    expect((await rawGet(server.url, "/posts/", {})).status).toBe(404); // no directory listing
  });

  it("serves a site with a base path below it", async () => {
    const root = dev.site();
    writeFileSync(path.join(root, "site.config.json"), JSON.stringify({ title: "B", url: "https://example.com/blog/" }));
    const server = await dev.start(root);
    expect(server.url).toMatch(/\/blog\/$/);
    expect((await rawGet(server.url, "/blog/posts/alpha/")).status).toBe(200);
    expect((await rawGet(server.url, "/")).headers.location).toBe("/blog/");
    expect((await rawGet(server.url, "/posts/alpha/")).status).toBe(404);
  });

  it.each([
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/posts/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/..%2f..%2fetc%2fpasswd",
    "/..\\..\\etc\\passwd",
    "/%5c..%5c..%5cetc%5cpasswd",
    "/posts/alpha/index.html%00.css",
    "/%00",
    "//etc/passwd",
    "///etc/passwd",
    "/%E0%A4%A",
  ])("never escapes the site: %s", async (target) => {
    const server = await dev.start(dev.site());
    const response = await rawGet(server.url, target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain("root:");
  });

  it("does not follow a symlink in public/ that points outside the site", async () => {
    const root = dev.site();
    symlinkSync("/etc/passwd", path.join(root, "public/passwd"));
    symlinkSync("/etc", path.join(root, "public/etc"));
    const server = await dev.start(root);
    expect((await rawGet(server.url, "/passwd")).status).toBe(404);
    expect((await rawGet(server.url, "/etc/passwd")).status).toBe(404);
  });

  it.each([
    ["localhost:4000", 200],
    ["127.0.0.1", 200],
    ["[::1]:4000", 200],
    ["blog.localhost:4000", 200],
    ["evil.example:4000", 403],
    ["127.0.0.1.evil.example", 403],
    ["localhost.evil.example", 403],
    ["localhost:4000@evil.example", 403],
    ["LOCALHOST:4000", 200],
  ] as const)("checks the Host header: %s → %d", async (host, status) => {
    const server = await dev.start(dev.site());
    expect((await rawGet(server.url, "/", { host })).status).toBe(status);
  });

  it("opens the event stream same-origin with a retry line, and closes it on close()", async () => {
    const server = await dev.start(dev.site());
    const url = new URL(server.url);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`GET /__daylight/events HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: https://evil.example\r\n\r\n`);
      });
      let received = "";
      socket.on("data", (d) => {
        received += d.toString();
        if (received.includes("retry: 500")) void server.close();
      });
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
    });
    expect(text).toContain("text/event-stream");
    expect(text.toLowerCase()).not.toContain("access-control-allow-origin");
    // The port is free again.
    await new Promise<void>((resolve, reject) => {
      const probe = connect(Number(url.port), url.hostname);
      probe.on("connect", () => reject(new Error("still listening")));
      probe.on("error", () => resolve());
    });
  });
});
