import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, isAlive, processStart, type BusyLock, type HeldLock } from "../../src/output/build-lock.js";
import { useTempDirs } from "./temp-dirs.js";

const tempDir = useTempDirs();

/** The pid of a process that has exited (and been reaped); one for the whole file (spawning one is slow). */
let dead: number | undefined;
const deadPid = (): number => (dead ??= spawnSync(process.execPath, ["-e", ""]).pid!);

const isHeld = (lock: HeldLock | BusyLock): lock is HeldLock => "release" in lock;

describe("acquireLock", () => {
  it("holds the lock with this process's pid and start time, and releases it with the folder it made", async () => {
    const dir = tempDir();
    const path = join(dir, "made/for/it/lock");
    const lock = await acquireLock(path, { wait: false });
    expect(isHeld(lock)).toBe(true);
    const [pid, start] = readlinkSync(path).split(" ");
    expect({ pid: Number(pid), start }).toEqual({ pid: process.pid, start: processStart(process.pid) });
    await (lock as HeldLock).release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("answers busy, naming the holder, without --wait; a second holder gets it once released", async () => {
    const path = join(tempDir(), "lock");
    const first = (await acquireLock(path, { wait: false })) as HeldLock;
    const second = await acquireLock(path, { wait: false });
    expect(second).toEqual({ busy: { pid: process.pid, start: processStart(process.pid) }, path });
    await first.release();
    const third = await acquireLock(path, { wait: false });
    expect(isHeld(third)).toBe(true);
    await (third as HeldLock).release();
    expect(() => readlinkSync(path)).toThrow(/ENOENT/);
  });

  it("waits for a live holder, saying so once, and gets the lock when it is released", async () => {
    const path = join(tempDir(), "lock");
    const first = (await acquireLock(path, { wait: false })) as HeldLock;
    const waits: number[] = [];
    const second = await acquireLock(path, {
      wait: true,
      pollMs: 5,
      // Released only once the second build says it waits: no timing involved.
      onWait: (holder) => void (waits.push(holder.pid), setTimeout(() => void first.release(), 20)),
    });
    expect(waits).toEqual([process.pid]);
    expect(isHeld(second)).toBe(true);
    await (second as HeldLock).release();
  });

  it.each([
    ["a dead process", (path: string) => symlinkSync(`${deadPid()} 12345 abc`, path)],
    ["a live pid that started at another time (reused)", (path: string) => symlinkSync(`${process.pid} 1 abc`, path)],
    ["unreadable text", (path: string) => symlinkSync("garbage", path)],
    ["a file of that name", (path: string) => writeFileSync(path, `${process.pid} ${processStart(process.pid)} abc`)],
  ])("takes over a lock left by %s", async (_, make) => {
    const path = join(tempDir(), "lock");
    make(path);
    const lock = await acquireLock(path, { wait: false });
    expect(isHeld(lock)).toBe(true);
    expect(readlinkSync(path)).toMatch(new RegExp(`^${process.pid} `));
    await (lock as HeldLock).release();
  });

  it("lets exactly one of many builds that find the same dead lock take it over", async () => {
    for (let round = 0; round < 20; round++) {
      const path = join(tempDir(), "lock");
      symlinkSync(`${deadPid()} 12345 abc`, path);
      const locks = await Promise.all(Array.from({ length: 6 }, () => acquireLock(path, { wait: false, pollMs: 1 })));
      expect(locks.filter(isHeld)).toHaveLength(1);
      await Promise.all(locks.filter(isHeld).map((lock) => lock.release()));
    }
  });

  it("breaks a takeover lock whose holder died inside it", async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "lock");
    symlinkSync(`${deadPid()} 12345 abc`, path);
    symlinkSync(`${deadPid()} 12345 def`, `${path}.takeover`);
    const lock = await acquireLock(path, { wait: false, pollMs: 1 });
    expect(isHeld(lock)).toBe(true);
    await (lock as HeldLock).release();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("isAlive", () => {
  it("tells a live holder from a dead pid and from a reused one", () => {
    expect(isAlive({ pid: process.pid, start: processStart(process.pid)! })).toBe(true);
    expect(isAlive({ pid: process.pid, start: "1" })).toBe(false);
    expect(isAlive({ pid: deadPid(), start: "" })).toBe(false);
  });
});
