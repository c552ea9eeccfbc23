import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { siteBaseOf } from "../../src/check/resolve-reference.js";
import { startProbe } from "../../tools/deploy-simulation/deploy-probe.js";
import { planDeploy, type DeployPlan } from "../../src/deploy/plan-deploy.js";
import { readBuild } from "../../src/deploy/read-build.js";
import { readTarget } from "../../src/deploy/read-target.js";
import { runDeployPlan } from "../../src/deploy/run-deploy.js";
import { publishedUrls, simulateDeploy } from "../../tools/deploy-simulation/simulate-deploy.js";
import { serveFolder } from "../../tools/deploy-simulation/static-server.js";
import { generation } from "./generations.js";
import { writeSite } from "./make-site.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "daylight-simulation-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const silent = { out: () => {}, err: () => {} };
const baseUrl = "https://example.com/blog/";

function builds(): string[] {
  return [0, 1, 2].map((k) => {
    const out = join(dir, `dist-${k}`);
    writeSite(out, generation(k, baseUrl));
    return out;
  });
}

describe("proof by simulation", () => {
  it("serves no missing URL and no page with a missing asset while N+1 and N+2 are deployed", async () => {
    const report = await simulateDeploy({ builds: builds(), target: join(dir, "www"), stepDelayMs: 10, console: silent });
    expect(report.violations).toEqual([]);
    expect(report.deploys).toBe(2);
    // Enough requests that the client really ran between the deploy's steps.
    expect(report.requests).toBeGreaterThan(200);
  });

  it("catches a naive order (deletions first, then uploads alphabetically): the probe is not vacuous", async () => {
    const [first, second] = builds() as [string, string];
    const to = join(dir, "www");
    writeSite(to, generation(0, baseUrl));
    const build = readBuild(second);
    if (typeof build === "string") throw new Error(build);
    const plan = planDeploy(build.files, await readTarget(to));
    const naive: DeployPlan = {
      ...plan,
      steps: [...plan.steps].sort((a, b) => (a.kind === b.kind ? (a.path < b.path ? -1 : 1) : a.kind === "delete" ? -1 : 1)),
    };
    const server = await serveFolder(to, "/blog/");
    const probe = startProbe(server.origin, siteBaseOf(baseUrl)!);
    probe.setPhase({ before: publishedUrls(first), after: publishedUrls(second) });
    // A whole pass of the probe between two steps sees every state the naive order goes
    // through, however slow the machine (a fixed delay did not, on a busy one).
    await runDeployPlan(naive, { from: second, to, build: build.files }, { beforeStep: () => probe.nextPass() });
    const seen = await probe.stop();
    await server.close();
    expect(seen.violations.some((v) => v.kind === "broken-reference")).toBe(true);
  });
});
