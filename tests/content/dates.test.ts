import { describe, expect, it } from "vitest";
import { parseHeaderDate, zoneOffsetMs } from "../../src/content/dates.js";

const iso = (text: string, zone = "UTC") => parseHeaderDate(text, zone)?.toISOString();

describe("parseHeaderDate", () => {
  it("reads a date alone as midnight in the site's timezone", () => {
    expect(iso("2025-03-14")).toBe("2025-03-14T00:00:00.000Z");
    expect(iso("2025-03-14", "Europe/Paris")).toBe("2025-03-13T23:00:00.000Z");
    expect(iso("2025-07-14", "Europe/Paris")).toBe("2025-07-13T22:00:00.000Z");
    expect(iso("2025-03-14", "America/New_York")).toBe("2025-03-14T04:00:00.000Z");
    expect(iso("2025-03-14", "Asia/Kolkata")).toBe("2025-03-13T18:30:00.000Z");
  });

  it("is right on DST change days", () => {
    // Paris moves to summer time at 02:00 on 2025-03-30.
    expect(iso("2025-03-30", "Europe/Paris")).toBe("2025-03-29T23:00:00.000Z");
    expect(iso("2025-03-30T12:00:00", "Europe/Paris")).toBe("2025-03-30T10:00:00.000Z");
    expect(iso("2025-10-26T12:00:00", "Europe/Paris")).toBe("2025-10-26T11:00:00.000Z");
    // 02:30 does not exist that day: the clocks read 03:30 an hour after 01:30.
    expect(iso("2025-03-30T02:30", "Europe/Paris")).toBe("2025-03-30T01:30:00.000Z");
  });

  it("takes a date-time with an offset or Z as that instant, whatever the zone", () => {
    expect(iso("2025-03-14T09:30:00+01:00", "America/New_York")).toBe("2025-03-14T08:30:00.000Z");
    expect(iso("2025-03-14T09:30:00Z", "Europe/Paris")).toBe("2025-03-14T09:30:00.000Z");
    expect(iso("2025-03-14 09:30:00 -0500")).toBe("2025-03-14T14:30:00.000Z");
    expect(iso("2025-03-14T09:30:00.250+00:00")).toBe("2025-03-14T09:30:00.250Z");
  });

  it("reads a date-time without offset in the site's timezone", () => {
    expect(iso("2025-03-14T09:30", "Europe/Paris")).toBe("2025-03-14T08:30:00.000Z");
  });

  it("rejects impossible and malformed dates", () => {
    for (const bad of ["2024-13-45", "2023-02-29", "2025-04-31", "2025-3-4", "14/03/2025", "2025-03-14T25:00",
      "2025-03-14T10:60", "2025-03-14T10:00+25:00", "yesterday", "", "2025-03-14T"]) {
      expect(parseHeaderDate(bad, "UTC"), bad).toBeUndefined();
    }
    expect(iso("2024-02-29")).toBe("2024-02-29T00:00:00.000Z");
  });
});

describe("zoneOffsetMs", () => {
  it("follows DST", () => {
    expect(zoneOffsetMs(Date.UTC(2025, 0, 1), "Europe/Paris")).toBe(3_600_000);
    expect(zoneOffsetMs(Date.UTC(2025, 6, 1), "Europe/Paris")).toBe(7_200_000);
    expect(zoneOffsetMs(Date.UTC(2025, 6, 1, 0, 0, 0, 500), "UTC")).toBe(0);
  });
});
