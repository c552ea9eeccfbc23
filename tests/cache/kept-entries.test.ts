import { describe, expect, it } from "vitest";
import { asIs, createKeptEntries, type StoredForm } from "../../src/cache/kept-entries.js";
import type { EntryStore } from "../../src/cache/entry-store.js";

/** An EntryStore in a Map, holding values as JSON text (as a disk store would). */
function jsonStore(): EntryStore & { texts: Map<string, string> } {
  const texts = new Map<string, string>();
  return {
    texts,
    read(namespace, key, isValid) {
      const text = texts.get(`${namespace}/${key}`);
      const value: unknown = text === undefined ? undefined : JSON.parse(text);
      return isValid(value) ? value : undefined;
    },
    write(namespace, key, value) {
      texts.set(`${namespace}/${key}`, JSON.stringify(value));
    },
  };
}

const isString = (value: unknown): value is string => typeof value === "string";

/** A value that keeps what JSON cannot (a function) out of the store, and is given it back on reading. */
interface Greeting {
  readonly text: string;
  readonly shout: () => string;
}
const greetingForm: StoredForm<Greeting, string, (text: string) => string> = {
  namespace: "greeting",
  isStored: isString,
  toStored: (greeting) => greeting.text,
  fromStored: (text, shout) => ({ text, shout: () => shout(text) }),
};

describe("kept entries", () => {
  it("in memory, hands back the very object kept, and forgets after a build what that build did not use", () => {
    const kept = createKeptEntries(asIs("thing", (v): v is { n: number } => typeof v === "object"));
    const [a, b] = [{ n: 1 }, { n: 2 }];
    kept.keep("a", a);
    kept.keep("b", b);
    kept.prune(); // build 1 used a and b
    expect(kept.get("a")).toBe(a);
    kept.prune(); // build 2 used only a
    expect(kept.get("a")).toBe(a);
    expect(kept.get("b")).toBeUndefined();
  });

  it("with a store, keeps the stored form there and nothing in memory", () => {
    const store = jsonStore();
    const kept = createKeptEntries(greetingForm, store);
    const upper = (text: string) => text.toUpperCase();
    kept.keep("k", { text: "hello", shout: () => "unused" });
    expect([...store.texts]).toEqual([["greeting/k", '"hello"']]);
    const back = kept.get("k", upper);
    expect(back?.text).toBe("hello");
    expect(back?.shout()).toBe("HELLO"); // rebuilt from the context given on reading
    expect(kept.get("k", upper)).not.toBe(back);
  });

  it("with a store, does not trust a stored value of the wrong shape", () => {
    const store = jsonStore();
    store.texts.set("greeting/k", "42");
    expect(createKeptEntries(greetingForm, store).get("k", (t) => t)).toBeUndefined();
  });
});
