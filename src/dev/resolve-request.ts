/** What a request path names in the built site. */
export type Resolved =
  | { readonly kind: "file"; readonly path: string }
  /** A folder asked for without its slash: static hosts redirect to the slash form. */
  | { readonly kind: "redirect"; readonly location: string }
  | { readonly kind: "not-found" }
  | { readonly kind: "bad-request" };

/**
 * Maps a raw request target (`/blog/posts/a/?x=1`) to a key of the built files
 * (`posts/a/index.html`). The answer is always a lookup in `has`, never a disk path, so
 * nothing outside the built site can be named; `.`/`..` segments, backslashes, NUL and
 * undecodable escapes are refused outright.
 */
export function resolveRequest(target: string, basePath: string, has: (path: string) => boolean): Resolved {
  if (!target.startsWith("/")) return { kind: "bad-request" };
  const rawPath = target.split(/[?#]/, 1)[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: "bad-request" };
  }
  if (/[\\\0]/.test(decoded) || /%(2f|5c|00)/i.test(rawPath)) return { kind: "bad-request" };
  const segments = decoded.split("/").slice(1);
  if (segments.some((s) => s === "." || s === "..")) return { kind: "bad-request" };
  if (segments.slice(0, -1).some((s) => s === "")) return { kind: "not-found" }; // `//etc/passwd`, `/a//b`
  const full = `/${segments.join("/")}`;
  if (!full.startsWith(basePath)) {
    return full === "/" || `${full}/` === basePath ? { kind: "redirect", location: basePath } : { kind: "not-found" };
  }
  const key = full.slice(basePath.length);
  if (key === "" || key.endsWith("/")) {
    return has(`${key}index.html`) ? { kind: "file", path: `${key}index.html` } : { kind: "not-found" };
  }
  if (has(key)) return { kind: "file", path: key };
  if (has(`${key}/index.html`)) return { kind: "redirect", location: `${encodeURI(full)}/` };
  return { kind: "not-found" };
}
