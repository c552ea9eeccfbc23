/**
 * `value` with every string in it (in plain objects and arrays, to any depth) a string of its
 * own. V8 makes a substring of 13 or more characters a view into the string it was cut from,
 * which then lives as long as the view: a post's title cut from its header kept the post's
 * whole source text alive for the rest of the build, after the build had let the text go
 * (about 5 KB a post, 100 MB at 20,000 posts). Other objects (dates) are kept as they are.
 */
export function ownStrings<T>(value: T): T {
  if (typeof value === "string") return ownString(value) as T;
  if (Array.isArray(value)) return value.map(ownStrings) as T;
  if (value === null || typeof value !== "object") return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy = Object.create(prototype) as Record<string, unknown>;
  // Defined, not assigned: a header key `__proto__` stays a key, as the header parser made it.
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: ownStrings(item), enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}

/** One string of its own (see ownStrings); structuredClone copies every string exactly, lone surrogates too. */
export function ownString(text: string): string {
  return text.length < 13 ? text : structuredClone(text);
}
