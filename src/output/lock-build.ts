import { join } from "node:path";
import { acquireLock, type HeldLock, type LockHolder } from "./build-lock.js";
import { assertRealFolderOrAbsent, outputLayout } from "./output-slots.js";

/** The locks one build holds, released together. */
export interface BuildLocks {
  release(): Promise<void>;
}

export interface LockBuildOptions {
  /** Wait for another build to finish; false (`--no-wait`): give up at once. */
  readonly wait: boolean;
  /** Prints a line (the waiting notice). */
  readonly say: (line: string) => void;
}

/** The lock files of a build: the output's (`<out>.generations/lock`), then the cache folder's. */
export function buildLockPaths(outDir: string, cacheDir: string | undefined): string[] {
  return [join(outputLayout(outDir).generations, "lock"), ...(cacheDir === undefined ? [] : [join(cacheDir, "lock")])];
}

/**
 * Takes the output's lock, then the cache's (always in that order, so two builds cannot
 * each hold one and wait for the other). `{ busy }` is the line to print when another
 * build holds one and `wait` is false; nothing is held then.
 */
export async function lockBuild(outDir: string, cacheDir: string | undefined, options: LockBuildOptions): Promise<BuildLocks | { busy: string }> {
  await assertRealFolderOrAbsent(outputLayout(outDir).generations);
  const held: HeldLock[] = [];
  const release = async () => {
    for (const lock of held.splice(0).reverse()) await lock.release();
  };
  try {
    for (const path of buildLockPaths(outDir, cacheDir)) {
      const lock = await acquireLock(path, { wait: options.wait, onWait: (holder) => options.say(waitingLine(holder, path)) });
      if ("busy" in lock) {
        await release();
        return { busy: `daylight: the build with pid ${lock.busy.pid} is still running (${path}); --no-wait: not waiting for it` };
      }
      held.push(lock);
    }
  } catch (error) {
    await release();
    throw error;
  }
  return { release };
}

const waitingLine = (holder: LockHolder, path: string): string =>
  `daylight: waiting for the build with pid ${holder.pid} to finish (${path})`;
