import { describe, expect, it } from "vitest";
import { t } from "./i18n";
import { safeColour } from "./theme";

describe("t", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("app-name")).toBe("nctray");
  });
});

describe("safeColour", () => {
  it("accepts only hex colours from the server", () => {
    expect(safeColour("#00679e")).toBe("#00679e");
    expect(safeColour("#fff")).toBe("#fff");
    expect(safeColour("red; background: url(x)")).toBeNull();
    expect(safeColour("")).toBeNull();
    expect(safeColour(null)).toBeNull();
  });
});
