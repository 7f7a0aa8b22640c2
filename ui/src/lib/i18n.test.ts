import { afterEach, describe, expect, it } from "vitest";
import { addCatalogue, bundleOf, catalogueLanguages, t } from "./i18n";
import { ENGLISH, showLanguage, shown } from "./language.svelte";
import type { LanguageView } from "./api/language";
import { safeColour } from "./theme";

const view = (language: string, direction: "ltr" | "rtl" = "ltr"): LanguageView => ({
  ...ENGLISH,
  language,
  locale: language,
  direction,
});

// Polish has three plural forms (1 minuta, 2 minuty, 5 minut); until the translators'
// locales/pl/ui.ftl is in the repository these tests bring their own two messages.
const POLISH_TEST_CATALOGUE = `
status-clearAfter-minutes = { $count ->
    [one] { $count } minuta
    [few] { $count } minuty
   *[many] { $count } minut
 }
common-close = Zamknij
`;

afterEach(() => showLanguage(ENGLISH));

describe("t", () => {
  it("gives the English text and fills its variables", () => {
    expect(t("app-name")).toBe("nctray");
    expect(t("popover-quota-used", { used: "1 GB", total: "2 GB" })).toBe("1 GB of 2 GB used");
  });

  it("chooses English's plural form by the count", () => {
    expect(t("status-clearAfter-minutes", { count: 1 })).toBe("1 minute");
    expect(t("status-clearAfter-minutes", { count: 5 })).toBe("5 minutes");
  });

  it("chooses among Polish's three plural forms for 1, 2 and 5", () => {
    if (!catalogueLanguages().includes("pl")) addCatalogue("pl", POLISH_TEST_CATALOGUE);
    showLanguage(view("pl"));
    expect(t("status-clearAfter-minutes", { count: 1 })).toBe("1 minuta");
    expect(t("status-clearAfter-minutes", { count: 2 })).toBe("2 minuty");
    expect(t("status-clearAfter-minutes", { count: 5 })).toBe("5 minut");
  });

  it("falls back to English for a message the language lacks, message by message", () => {
    addCatalogue("x-test", "common-close = Schließen\n");
    showLanguage(view("x-test"));
    expect(t("common-close")).toBe("Schließen");
    expect(t("common-retry")).toBe("Try again");
  });

  it("falls back to English when a translation cannot be formatted", () => {
    addCatalogue("x-broken", "popover-quota-used = { $usd } von { $total }\n");
    showLanguage(view("x-broken"));
    expect(t("popover-quota-used", { used: "1 GB", total: "2 GB" })).toBe("1 GB of 2 GB used");
  });

  it("uses a region's base language, and English for a language without a catalogue", () => {
    addCatalogue("sv", "common-close = Stäng\n");
    expect(bundleOf("sv-FI").locales).toEqual(["sv"]);
    expect(bundleOf("tlh").locales).toEqual(["en"]);
  });

  it("isolates variables inside right-to-left text only", () => {
    addCatalogue("ur", "common-delete = حذف { $name }\n");
    const urdu = bundleOf("ur");
    const message = urdu.getMessage("common-delete")!;
    expect(urdu.formatPattern(message.value!, { name: "notes.txt" })).toBe("حذف \u2068notes.txt\u2069");
    expect(t("popover-activity-downloadLabel", { name: "notes.txt" })).toBe("Download notes.txt");
  });
});

describe("the shown language", () => {
  it("sets the page's lang and direction", () => {
    showLanguage(view("ar", "rtl"));
    expect(document.documentElement.lang).toBe("ar");
    expect(document.documentElement.dir).toBe("rtl");
    expect(shown.view.language).toBe("ar");
    showLanguage(ENGLISH);
    expect(document.documentElement.dir).toBe("ltr");
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
