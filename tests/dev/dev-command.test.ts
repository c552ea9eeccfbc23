import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDev } from "../../src/cli/dev-command.js";
import { rawGet, useDevServer } from "./dev-fixtures.js";

const dev = useDevServer();

describe("runDev", () => {
  it("prints the URL, serves until told to stop, then frees the port and leaves no file behind", async () => {
    const root = dev.site();
    const before = readdirSync(root).sort();
    const out: string[] = [];
    const err: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const command = { kind: "dev", root, postsDir: undefined, port: 0, host: "127.0.0.1", open: false, navigate: false } as const;
    const running = runDev(command, { out: (l) => out.push(l), err: (l) => err.push(l) }, new Date("2025-01-01T00:00:00Z"), stopped);
    let url: string | undefined;
    while (url === undefined) {
      await new Promise((r) => setTimeout(r, 10));
      url = out.map((l) => /at (http:\S+)/.exec(l)?.[1]).find(Boolean);
    }
    expect((await rawGet(url, "/posts/alpha/")).status).toBe(200);
    stop();
    expect(await running).toBe(0);
    expect(out.at(-1)).toBe("daylight: stopped");
    expect(err).toEqual([]);
    await expect(rawGet(url, "/")).rejects.toThrow();
    expect(readdirSync(root).sort()).toEqual(before);
    expect(existsSync(path.join(root, "dist"))).toBe(false);
  });

  it("warns when --host exposes the server beyond this machine", async () => {
    const err: string[] = [];
    const command = { kind: "dev", root: dev.site(), postsDir: undefined, port: 0, host: "0.0.0.0", open: false, navigate: false } as const;
    const code = await runDev(command, { out: () => undefined, err: (l) => err.push(l) }, new Date(), Promise.resolve());
    expect(code).toBe(0);
    expect(err.join("\n")).toMatch(/warning: --host 0\.0\.0\.0/);
  });
});
