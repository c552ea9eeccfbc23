import { describe, expect, it } from "vitest";
import { createWorkQueue } from "../../src/lsp/work-queue.js";

describe("the server's work queue", () => {
  it("runs one piece at a time, each name once with its latest work, and later work after all else", async () => {
    const errors: unknown[] = [];
    const queue = createWorkQueue((e) => errors.push(e));
    const ran: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    queue.add("a", async () => {
      ran.push("a1");
      await gate;
    });
    queue.add("b", async () => void ran.push("b-later"), true);
    queue.add("c", async () => {
      ran.push("c");
      throw new Error("c failed");
    });
    queue.add("a", async () => void ran.push("a2"));
    queue.add("a", async () => void ran.push("a3"));
    queue.add("b", async () => void ran.push("b-now"));
    queue.add("d", async () => void ran.push("d-later"), true);
    release();
    await queue.idle();
    // a3 replaced a2; b asked for now is done with the work it was last given; c's failure stopped nothing.
    expect(ran).toEqual(["a1", "c", "a3", "b-now", "d-later"]);
    expect(errors).toEqual([new Error("c failed")]);
  });
});
