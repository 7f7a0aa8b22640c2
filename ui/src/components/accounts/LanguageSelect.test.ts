import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { ENGLISH, showLanguage } = await import("../../lib/language.svelte");
const { default: LanguageSelect } = await import("./LanguageSelect.svelte");

const available = [
  { id: "de", name: "Deutsch" },
  { id: "ar", name: "العربية" },
];

function select() {
  return screen.getByTestId("settings-language") as HTMLSelectElement;
}

afterEach(() => {
  showLanguage(ENGLISH);
  invoke.mockReset();
});

describe("LanguageSelect", () => {
  it("offers automatic and every available language, each in its own language", () => {
    showLanguage({ ...ENGLISH, available });
    render(LanguageSelect);
    const options = [...select().options].map((option) => [option.value, option.text, option.lang]);
    expect(options).toEqual([
      ["", "Automatic (from your Nextcloud or the desktop)", ""],
      ["de", "Deutsch", "de"],
      ["ar", "العربية", "ar"],
    ]);
    expect(select().value).toBe("");
  });

  it("shows the chosen language and asks Rust for another, or for automatic", async () => {
    showLanguage({ ...ENGLISH, available, choice: "de" });
    render(LanguageSelect);
    expect(select().value).toBe("de");
    invoke.mockResolvedValue(undefined);
    await fireEvent.change(select(), { target: { value: "ar" } });
    expect(invoke).toHaveBeenLastCalledWith("set_language", { choice: "ar" });
    await fireEvent.change(select(), { target: { value: "" } });
    expect(invoke).toHaveBeenLastCalledWith("set_language", { choice: null });
  });

  it("says when the language could not be changed and shows the one still in use", async () => {
    showLanguage({ ...ENGLISH, available, choice: "de" });
    render(LanguageSelect);
    invoke.mockRejectedValue({ kind: "io", message: "the settings file is read-only" });
    await fireEvent.change(select(), { target: { value: "ar" } });
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "The settings were not saved: the settings file is read-only",
      ),
    );
    expect(select().value).toBe("de");
  });
});
