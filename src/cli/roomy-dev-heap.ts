import { spawn } from "node:child_process";
import { constants } from "node:os";

/**
 * The size of V8's semi-spaces (the young generation's halves) for the dev server, in MiB
 * (Node's default is 16). A save's quick answer renders one post, which allocates a few
 * tens of MB of short-lived objects; with the default, that render paid for a scavenge or
 * two of a heap holding the whole site. Measured (4,000-post bench corpus, 21 saves 300 ms
 * apart, median): render of the edited post 21–26 ms → 16 ms, save to page 52–54 ms →
 * 45 ms. It costs the dev server up to about 100 MB more while it allocates.
 */
export const devSemiSpaceMiB = 64;

const flag = `--max-semi-space-size=${devSemiSpaceMiB}`;

/**
 * Whether this process should run `argv` in a second one with the dev server's young
 * generation: V8 sizes its heap when the process starts, so no call can change it later.
 * Not on Windows, where a second process of the same console also gets every Ctrl-C.
 */
export function wantsRoomyHeap(argv: readonly string[], execArgv: readonly string[]): boolean {
  return argv[0] === "dev" && process.platform !== "win32" && !execArgv.some((arg) => arg.startsWith("--max-semi-space-size"));
}

/**
 * Runs `script argv` in a child Node process with the flag, and resolves to its exit code.
 * The child has the terminal (its output is the command's) but its own process group: a
 * Ctrl-C reaches this process only, which passes it on once, as it does SIGTERM and
 * SIGHUP; the child then closes the server and exits as a dev server does. Killed outright,
 * this process leaves no server behind.
 */
export function runWithRoomyHeap(script: string, argv: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    // The IPC channel is not used for messages: it closes when this process ends, however it
    // ends, and the dev server stops then (dev-command.ts) rather than outlive it. No stdin:
    // the server reads none, and outside the terminal's foreground group a read would stop it.
    const child = spawn(process.execPath, [...process.execArgv, flag, script, ...argv], { stdio: ["ignore", "inherit", "inherit", "ipc"], detached: true });
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const pass = (signal: NodeJS.Signals) => void child.kill(signal);
    for (const signal of signals) process.on(signal, pass);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      for (const s of signals) process.off(s, pass);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
