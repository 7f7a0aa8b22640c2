// The language arrives from the Rust side (app_language) and changes with language-changed:
// an open window redraws in the new language and direction, no restart.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { tick } from "svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LanguageView } from "./api/language";

const handlers = new Map<string, (event: { payload: unknown }) => void>();
const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({
  listen: async (name: string, handler: (event: { payload: unknown }) => void) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

const { ENGLISH, followLanguage, showLanguage } = await import("./language.svelte");
const { addCatalogue } = await import("./i18n");
const { default: EmojiPicker } = await import("../components/status/EmojiPicker.svelte");

// Test catalogues: the translators' files may not be in the repository yet.
addCatalogue("x-german", "status-emoji-choose = Emoji auswählen\n");
addCatalogue("x-arabic", "status-emoji-choose = اختر رمزًا تعبيريًا\n");

const view = (language: string, direction: "ltr" | "rtl" = "ltr"): LanguageView => ({
  ...ENGLISH,
  language,
  locale: language,
  direction,
  available: [{ id: language, name: language }],
});

afterEach(() => showLanguage(ENGLISH));

describe("the windows' language", () => {
  it("is the Rust side's from the first draw", async () => {
    invoke.mockResolvedValueOnce(view("x-german"));
    await followLanguage();
    expect(invoke).toHaveBeenCalledWith("app_language", {});
    render(EmojiPicker, { props: { value: null } });
    expect(screen.getByTestId("emoji-trigger").getAttribute("aria-label")).toBe("Emoji auswählen");
  });

  it("stays English when the Rust side cannot say", async () => {
    invoke.mockRejectedValueOnce({ kind: "internal", message: "no such command" });
    await followLanguage();
    expect(document.documentElement.lang).toBe("en");
    render(EmojiPicker, { props: { value: null } });
    expect(screen.getByTestId("emoji-trigger").getAttribute("aria-label")).toBe("Choose an emoji");
  });

  it("redraws an open window when language-changed arrives, direction included", async () => {
    invoke.mockResolvedValueOnce(ENGLISH);
    await followLanguage();
    render(EmojiPicker, { props: { value: null } });
    const trigger = screen.getByTestId("emoji-trigger");
    expect(trigger.getAttribute("aria-label")).toBe("Choose an emoji");

    handlers.get("language-changed")!({ payload: view("x-arabic", "rtl") });
    await tick();
    expect(trigger.getAttribute("aria-label")).toBe("اختر رمزًا تعبيريًا");
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("x-arabic");
  });

  it("turns the arrow keys round in right-to-left text", async () => {
    showLanguage(view("x-arabic", "rtl"));
    render(EmojiPicker, { props: { value: null } });
    await fireEvent.click(screen.getByTestId("emoji-trigger"));
    const cells = screen.getAllByTestId("emoji-option");
    await fireEvent.keyDown(cells[0], { key: "ArrowLeft" });
    expect(document.activeElement).toBe(cells[1]);
    await fireEvent.keyDown(cells[1], { key: "ArrowRight" });
    expect(document.activeElement).toBe(cells[0]);
  });
});
