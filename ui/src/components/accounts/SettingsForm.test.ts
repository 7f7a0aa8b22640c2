import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Settings } from "../../lib/generated/types";
import SettingsForm from "./SettingsForm.svelte";

const settings: Settings = {
  poll_interval_secs: null,
  away_after_idle_mins: 5,
  appearance: "system",
  silent_apps: ["files_sharing"],
  start_at_login: false,
};

function renderForm(current: Settings = settings) {
  const onsave = vi.fn(async (_s: Settings) => {});
  render(SettingsForm, { props: { settings: current, apps: ["files_sharing", "spreed"], onsave } });
  return onsave;
}

describe("SettingsForm", () => {
  it("shows the settings as they are", () => {
    renderForm();
    expect((screen.getByTestId("settings-poll") as HTMLSelectElement).value).toBe("");
    expect((screen.getByTestId("settings-away") as HTMLInputElement).value).toBe("5");
    expect((screen.getByTestId("settings-appearance-system") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("settings-popups-files_sharing") as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId("settings-popups-spreed") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText("Talk")).toBeTruthy();
  });

  it("saves each change with the rest kept", async () => {
    const onsave = renderForm();
    await fireEvent.change(screen.getByTestId("settings-poll"), { target: { value: "120" } });
    expect(onsave).toHaveBeenLastCalledWith({ ...settings, poll_interval_secs: 120 });
    await fireEvent.click(screen.getByTestId("settings-appearance-dark"));
    expect(onsave).toHaveBeenLastCalledWith({ ...settings, appearance: "dark" });
    await fireEvent.click(screen.getByTestId("settings-start-at-login"));
    expect(onsave).toHaveBeenLastCalledWith({ ...settings, start_at_login: true });
  });

  it("turns pop-ups of an app off and on", async () => {
    const onsave = renderForm();
    await fireEvent.click(screen.getByTestId("settings-popups-spreed"));
    expect(onsave).toHaveBeenLastCalledWith({ ...settings, silent_apps: ["files_sharing", "spreed"] });
    await fireEvent.click(screen.getByTestId("settings-popups-files_sharing"));
    expect(onsave).toHaveBeenLastCalledWith({ ...settings, silent_apps: [] });
  });

  it("saves the idle minutes when the field is left, and not when unchanged", async () => {
    const onsave = renderForm();
    const away = screen.getByTestId("settings-away");
    await fireEvent.change(away, { target: { value: "5" } });
    expect(onsave).not.toHaveBeenCalled();
    await fireEvent.input(away, { target: { value: "15" } });
    await fireEvent.change(away, { target: { value: "15" } });
    expect(onsave).toHaveBeenLastCalledWith({ ...settings, away_after_idle_mins: 15 });
  });

  it("keeps a poll interval set by hand selectable", () => {
    renderForm({ ...settings, poll_interval_secs: 1 });
    const poll = screen.getByTestId("settings-poll") as HTMLSelectElement;
    expect(poll.value).toBe("1");
    expect(poll.selectedOptions[0].textContent).toBe("Every 1 s");
  });
});
