import { stat } from "node:fs/promises";

/** Re-examines files shortly after they changed, to catch writes the watcher swallowed. */
export interface ChangeRecheck {
  /** Notes that `file` changed now; it is looked at again after the delay. */
  seen(file: string): void;
  close(): void;
}

/**
 * chokidar drops every `change` of a path for 50 ms after one it reported (a leading-edge
 * throttle with no trailing event), so the second of two quick saves can vanish. Each
 * reported change is therefore checked again a little later: when the file's size, mtime
 * or inode moved since, `onMissed` reports it as changed.
 */
export function createChangeRecheck(delayMs: number, onMissed: (file: string) => void): ChangeRecheck {
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; before: Promise<string | undefined> }>();
  let closed = false;
  const arm = (file: string) => {
    const previous = pending.get(file);
    if (previous) clearTimeout(previous.timer);
    const before = fingerprint(file);
    const timer = setTimeout(() => void check(file, before), delayMs);
    pending.set(file, { timer, before });
  };
  const check = async (file: string, before: Promise<string | undefined>) => {
    const [then, now] = await Promise.all([before, fingerprint(file)]);
    if (closed || pending.get(file)?.before !== before) return;
    pending.delete(file);
    if (then === now) return;
    onMissed(file);
    arm(file);
  };
  return {
    seen: (file) => {
      if (!closed) arm(file);
    },
    close() {
      closed = true;
      for (const { timer } of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

async function fingerprint(file: string): Promise<string | undefined> {
  const info = await stat(file, { bigint: true }).catch(() => undefined);
  return info === undefined ? undefined : `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}
