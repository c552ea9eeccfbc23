import { describe, expect, it } from "vitest";
import { createBuildHold } from "../../src/dev/build-turns.js";

const loopTurns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe("the dev server's hold on a whole build", () => {
  it("lets the next turn start after one go of the event loop when nothing holds it", async () => {
    const { turns } = createBuildHold(8);
    let started = false;
    void turns.between().then(() => (started = true));
    await loopTurns(3);
    expect(started).toBe(true);
  });

  it("keeps the next turn waiting while held, and lets it start on release", async () => {
    const hold = createBuildHold(8);
    hold.hold(60_000);
    let started = false;
    void hold.turns.between().then(() => (started = true));
    await loopTurns(20);
    expect(started).toBe(false);
    hold.release();
    await loopTurns(3);
    expect(started).toBe(true);
  });

  it("lets the turn start by itself once a hold that nobody releases runs out", async () => {
    const hold = createBuildHold(8);
    const from = performance.now();
    hold.hold(40);
    await hold.turns.between();
    expect(performance.now() - from).toBeGreaterThanOrEqual(39);
  });
});
