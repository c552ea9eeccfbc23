import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { devSemiSpaceMiB, wantsRoomyHeap } from "../../src/cli/roomy-dev-heap.js";
import { rawGet, useDevServer } from "../dev/dev-fixtures.js";
import { fixedNow, repoRoot } from "../support/run-cli.js";

const dev = useDevServer();
const posix = process.platform !== "win32";
const running: Array<ReturnType<typeof spawn>> = [];
afterEach(() => {
  for (const command of running.splice(0)) if (command.exitCode === null && command.signalCode === null) command.kill("SIGTERM");
});

/** `daylight dev` on a small site, as a terminal runs it; resolves once it serves. */
async function startCommand() {
  const command = spawn(process.execPath, [path.join(repoRoot, "lib/cli.js"), "dev", "--root", dev.site(), "--port", "0"], {
    env: { ...process.env, SOURCE_DATE_EPOCH: fixedNow, NO_COLOR: "1" },
  });
  running.push(command);
  const output = { out: "", err: "" };
  command.stdout.on("data", (chunk) => (output.out += chunk));
  command.stderr.on("data", (chunk) => (output.err += chunk));
  const exited = new Promise<number | null>((resolve) => command.once("exit", (code) => resolve(code)));
  let url: string | undefined;
  while (url === undefined && command.exitCode === null) {
    await new Promise((r) => setTimeout(r, 20));
    url = /serving .* at (http:\S+)/.exec(output.out)?.[1];
  }
  if (url === undefined) throw new Error(`daylight dev did not serve:\n${output.out}\n${output.err}`);
  return { command, output, exited, url };
}

async function untilRefused(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await rawGet(url, "/").then(() => false, () => true)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} still answers`);
}

describe("the dev server's young generation", () => {
  it("is asked for by `dev` alone, once", () => {
    expect(wantsRoomyHeap(["dev", "--port", "0"], [])).toBe(posix);
    expect(wantsRoomyHeap(["dev"], [`--max-semi-space-size=${devSemiSpaceMiB}`])).toBe(false);
    expect(wantsRoomyHeap(["build"], [])).toBe(false);
    expect(wantsRoomyHeap(["lsp"], [])).toBe(false);
  });

  it.runIf(posix)("runs `daylight dev` in a process with the flag, which a Ctrl-C to the command stops cleanly", async () => {
    const { command, output, exited, url } = await startCommand();
    expect((await rawGet(url, "/posts/alpha/")).status).toBe(200);
    if (process.platform === "linux") {
      const children = readFileSync(`/proc/${command.pid}/task/${command.pid}/children`, "utf8").trim().split(/\s+/);
      const argv = children.map((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0"));
      expect(argv.filter((args) => args.includes(`--max-semi-space-size=${devSemiSpaceMiB}`) && args.includes("dev"))).toHaveLength(1);
    }
    // A Ctrl-C reaches the command's process group: the server's process is not in it, and hears it once, from the command.
    command.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(output.out.trim().split("\n").at(-1)).toBe("daylight: stopped");
    expect(output.err).toBe("");
    await expect(rawGet(url, "/")).rejects.toThrow();
  }, 60_000);

  it.runIf(posix)("leaves no server behind when the command is killed outright", async () => {
    const { command, exited, url } = await startCommand();
    command.kill("SIGKILL");
    await exited;
    await untilRefused(url);
  }, 60_000);
});
