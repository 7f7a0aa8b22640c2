// The windows mirror in right-to-left languages because their styles say "start" and "end",
// never "left" and "right": this test finds any physical side that slips back in.
import { render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import NotificationItem from "./components/popover/NotificationItem.svelte";
import { notification } from "./components/popover/testData";
import { text } from "./components/richParts";

const styles = import.meta.glob(["./**/*.svelte", "./**/*.css"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** Declarations naming a physical side, e.g. "margin-left: 4px", "text-align: right". */
function physicalSides(css: string): string[] {
  const declarations = css.match(/[\w-]+\s*:\s*[^;{}]+/g) ?? [];
  return declarations
    .map((declaration) => declaration.trim())
    .filter((declaration) =>
      /^((margin|padding|border|scroll-margin|scroll-padding)-(left|right)\b[\w-]*|left|right|float|clear)\s*:|^text-align\s*:\s*(left|right)\b/.test(
        declaration,
      ),
    );
}

/** The <style> blocks of a component; a .css file is all style. */
function styleOf(path: string, text: string): string {
  if (path.endsWith(".css")) return text;
  return [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join("\n");
}

describe("styles", () => {
  it("use logical sides (start/end), so right-to-left languages mirror", () => {
    const found = Object.entries(styles).flatMap(([path, text]) =>
      physicalSides(styleOf(path, text)).map((declaration) => `${path}: ${declaration}`),
    );
    expect(Object.keys(styles).length).toBeGreaterThan(30);
    expect(found).toEqual([]);
  });

  it("are searched for every physical side", () => {
    expect(
      physicalSides(".a { margin-left: 4px; padding-right: 1px; border-left-width: 2px; right: 0; text-align: left; float: right }"),
    ).toHaveLength(6);
    expect(physicalSides(".a { margin-inline-start: 4px; inset-inline-end: 0; text-align: start; border-left-color: x }")).toEqual([
      "border-left-color: x",
    ]);
  });
});

describe("server text", () => {
  it("takes the direction of its own words, not the window's", () => {
    // An Arabic subject in an English window (or an English file name in an Arabic one).
    render(NotificationItem, {
      props: {
        notification: notification(1, "تمت مشاركة ملف معك", { message: [text("Plan.ods")] }),
        onaction: vi.fn(),
        ondismiss: vi.fn(),
        onopenlink: vi.fn(),
      },
    });
    expect(screen.getByTestId("notification-subject").getAttribute("dir")).toBe("auto");
    expect(screen.getByTestId("notification-message").getAttribute("dir")).toBe("auto");
  });
});
