import { describe, expect, it } from "vitest";
import { formatBytes, relativeTime } from "./format";
import { downloadableFile, shownPreviews } from "./activityFile";
import { activity } from "./testData";

describe("format", () => {
  const now = new Date("2026-11-25T12:00:00Z");

  it("says how long ago", () => {
    expect(relativeTime("2026-11-25T11:59:40Z", now)).toMatch(/now/);
    expect(relativeTime("2026-11-25T11:55:00Z", now)).toMatch(/5 minutes ago/);
    expect(relativeTime("2026-11-24T12:00:00Z", now)).toMatch(/yesterday/);
    expect(relativeTime("not a time", now)).toBe("");
  });

  it("sizes in powers of 1024", () => {
    expect(formatBytes(512)).toMatch(/^512\s?byte/);
    expect(formatBytes(1_610_612_736)).toMatch(/^1\.5\s?GB$/);
    expect(formatBytes(-3)).toMatch(/^0\s?byte/);
  });
});

describe("activity files", () => {
  const file = (extra = {}) =>
    activity(1, "x", { object_type: "files", type: "file_changed", object_id: 5, object_name: "/a/b.txt", ...extra });
  const preview = (view: string, mimeType = "text/plain", isMimeTypeIcon = false) => ({
    source: "s",
    link: "l",
    mimeType,
    fileId: 5,
    view,
    isMimeTypeIcon,
  });

  it("downloads files that still exist, not deleted ones, folders or other objects", () => {
    expect(downloadableFile(file())).toEqual({ fileId: 5, name: "b.txt" });
    expect(downloadableFile(file({ type: "file_deleted" }))).toBeNull();
    expect(downloadableFile(file({ previews: [preview("trashbin")] }))).toBeNull();
    expect(downloadableFile(file({ previews: [preview("files", "httpd/unix-directory")] }))).toBeNull();
    expect(downloadableFile(file({ object_type: "room" }))).toBeNull();
  });

  it("shows real previews only", () => {
    expect(shownPreviews(file({ previews: [preview("files"), preview("files", "x", true)] }))).toHaveLength(1);
  });
});
