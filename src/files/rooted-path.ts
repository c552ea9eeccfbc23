/**
 * `/a/./b/../c.liquid` → `a/c.liquid`: a POSIX path inside a root, without its leading
 * slash, where `..` never climbs above the root. How a theme's templates are named.
 */
export function rootedPath(filepath: string): string {
  const parts: string[] = [];
  for (const part of filepath.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/** Whether the last segment of `file` has an extension (`post.liquid`, not `post` or `.hidden/post`). */
export const hasExtension = (file: string): boolean => /\.[^/.]+$/.test(file);
