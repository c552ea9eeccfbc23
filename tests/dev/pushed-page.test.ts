import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BuildOutcome, QuickAnswer } from "../../src/dev/build-outcome.js";
import { pushLimitChars, quickEventOf } from "../../src/dev/dev-server.js";
import { injectClient } from "../../src/dev/inject-client.js";
import { postText, rawGet, useDevServer, waitFor } from "./dev-fixtures.js";
import { openEventStream } from "./stress-support.js";

const dev = useDevServer();

interface RebuiltEvent {
  readonly changed: string[];
  readonly page?: { url: string; html: string };
}

describe("the quick answer on the event stream", () => {
  it("comes at the first sign of an edit, before the debounced whole build, with the page inside", async () => {
    const root = dev.site();
    const builds: BuildOutcome[] = [];
    // A debounce this long would hold an answer that waited for it well past the checks below
    // (and leaves a slow, busy machine ample time for the quick answer).
    const server = await dev.start(root, { debounceMs: 10_000, onBuild: (outcome) => builds.push(outcome) });
    const stream = await openEventStream(server.url);
    builds.length = 0;
    writeFileSync(path.join(root, "posts/alpha.md"), postText("Alpha", "alpha", "Answered at once."));
    await waitFor(() => stream.events("rebuilt").length > 0, 9_000, "the quick answer");
    expect(builds).toHaveLength(0);
    const [event] = stream.events("rebuilt") as RebuiltEvent[];
    expect(event?.changed).toEqual(["/posts/alpha/"]);
    expect(event?.page?.url).toBe("/posts/alpha/");
    // The pushed page is the served one, client script included, so a morph from either is the same.
    expect(event?.page?.html).toBe((await rawGet(server.url, "/posts/alpha/")).body);
    expect(event?.page?.html).toContain("Answered at once.");
    await waitFor(() => builds.length > 0, 60_000, "the whole build");
    await waitFor(() => stream.events("rebuilt").length > 1, 60_000, "the whole build's event");
    const whole = stream.events("rebuilt")[1] as RebuiltEvent;
    expect(whole.changed).toEqual(expect.arrayContaining(["/", "/posts/alpha/"]));
    expect(whole.page).toBeUndefined();
    stream.close();
  });

  it("sends no page, only the URL, when the page is larger than the limit", () => {
    const quick = (html: string): QuickAnswer => ({
      ok: true, diagnostics: [], changedUrls: ["/posts/a/"], editedUrl: "/posts/a/", postCount: 1, milliseconds: 1,
      page: { outputPath: "posts/a/index.html", url: "/posts/a/", html },
    });
    const small = quickEventOf(quick("<body>small</body>"), false).data as RebuiltEvent;
    expect(small.page).toEqual({ url: "/posts/a/", html: injectClient("<body>small</body>") });
    const large = quickEventOf(quick(`<body>${"x".repeat(pushLimitChars)}</body>`), false).data as RebuiltEvent;
    expect(large.changed).toEqual(["/posts/a/"]);
    expect(large.page).toBeUndefined();
  });
});
