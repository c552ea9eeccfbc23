/**
 * Gives a file-system error the path it concerns, when the system call had none to give:
 * Node reports `write(2)` on a descriptor as plain `ENOSPC … write`, and a user told that
 * cannot know which disk to free. Returns `e` itself (its stack unchanged) for rethrowing.
 */
export function attachErrorPath(e: unknown, path: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (err instanceof Error && typeof err.code === "string" && err.path === undefined) err.path = path;
  return e;
}
