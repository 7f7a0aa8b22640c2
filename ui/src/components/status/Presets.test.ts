import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { OwnStatusView, StatusPreset } from "../../lib/generated/types";
import Presets from "./Presets.svelte";

const focus: StatusPreset = {
  name: "Focus",
  status: "dnd",
  icon: "🎧",
  message: "Heads down",
  clear_after_secs: 7200,
};
const lunch: StatusPreset = {
  name: "Lunch",
  status: "away",
  icon: "🍕",
  message: null,
  clear_after_secs: 3600,
};
const own: OwnStatusView = {
  message: "Vacationing",
  predefined_id: "vacationing",
  icon: "🌴",
  clear_at: null,
  status: "away",
};

function renderPresets(presets: StatusPreset[], status: OwnStatusView["status"] = "away") {
  const handlers = {
    onapply: vi.fn(),
    onsave: vi.fn(async (_preset: StatusPreset, _replacing: string | null) => true),
    ondelete: vi.fn(),
  };
  render(Presets, { props: { presets, own: { ...own, status }, status, ...handlers } });
  return handlers;
}

describe("Presets", () => {
  it("lists each preset with what it sets", () => {
    renderPresets([focus, lunch]);
    const rows = screen.getAllByTestId("preset");
    expect(rows.map((row) => row.dataset.name)).toEqual(["Focus", "Lunch"]);
    expect(rows[0].textContent).toContain("Do not disturb · 🎧 Heads down · clears after 2 hours");
    expect(rows[1].textContent).toContain("Away · 🍕 · clears after 1 hour");
  });

  it("says how to get one when there is none", () => {
    renderPresets([]);
    expect(screen.getByTestId("presets-none")).toBeTruthy();
  });

  it("applies and deletes by name", async () => {
    const { onapply, ondelete } = renderPresets([focus, lunch]);
    await fireEvent.click(screen.getByRole("button", { name: "Apply preset Lunch" }));
    expect(onapply).toHaveBeenCalledWith("Lunch");
    await fireEvent.click(screen.getByRole("button", { name: "Delete preset Focus" }));
    expect(ondelete).toHaveBeenCalledWith("Focus");
  });

  it("saves the current status as a new preset", async () => {
    const { onsave } = renderPresets([]);
    await fireEvent.click(screen.getByTestId("preset-save-current"));
    const editor = screen.getByTestId("preset-editor");
    expect((within(editor).getByTestId("preset-message") as HTMLInputElement).value).toBe(
      "Vacationing",
    );
    await fireEvent.click(within(editor).getByTestId("preset-save"));
    expect(screen.getByRole("alert").textContent).toBe("Give the preset a name.");
    expect(onsave).not.toHaveBeenCalled();

    await fireEvent.input(within(editor).getByTestId("preset-name"), {
      target: { value: "Holiday" },
    });
    await fireEvent.change(within(editor).getByTestId("preset-clear-after"), {
      target: { value: "3" },
    });
    await fireEvent.click(within(editor).getByTestId("preset-save"));
    expect(onsave).toHaveBeenCalledWith(
      { name: "Holiday", status: "away", icon: "🌴", message: "Vacationing", clear_after_secs: 14400 },
      null,
    );
    expect(screen.queryByTestId("preset-editor")).toBeNull();
  });

  it("saves busy, which only calls set, as do not disturb", async () => {
    const { onsave } = renderPresets([], "busy");
    await fireEvent.click(screen.getByTestId("preset-save-current"));
    await fireEvent.input(screen.getByTestId("preset-name"), { target: { value: "Call" } });
    await fireEvent.click(screen.getByTestId("preset-save"));
    expect(onsave.mock.calls[0][0]).toMatchObject({ status: "dnd" });
  });

  it("edits a preset, keeping what was not touched, and says which name it replaces", async () => {
    const { onsave } = renderPresets([focus, lunch]);
    await fireEvent.click(screen.getByRole("button", { name: "Edit preset Focus" }));
    const editor = screen.getByTestId("preset-editor");
    expect((within(editor).getByTestId("preset-status") as HTMLSelectElement).value).toBe("dnd");
    await fireEvent.input(within(editor).getByTestId("preset-name"), {
      target: { value: "Deep work" },
    });
    await fireEvent.click(within(editor).getByTestId("preset-save"));
    expect(onsave).toHaveBeenCalledWith({ ...focus, name: "Deep work" }, "Focus");
  });

  it("keeps the form open when saving fails, and closes it on cancel", async () => {
    const { onsave } = renderPresets([focus]);
    onsave.mockResolvedValueOnce(false);
    await fireEvent.click(screen.getByRole("button", { name: "Edit preset Focus" }));
    await fireEvent.click(screen.getByTestId("preset-save"));
    expect(screen.getByTestId("preset-editor")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("preset-cancel"));
    expect(screen.queryByTestId("preset-editor")).toBeNull();
  });
});
