import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NewCustomMessage, OwnStatusView } from "../../lib/generated/types";
import CustomMessageForm from "./CustomMessageForm.svelte";

const custom: OwnStatusView = {
  message: "Lunch",
  predefined_id: null,
  icon: "🍕",
  clear_at: null,
  status: "online",
};

function renderForm(own: OwnStatusView | null = null) {
  const onset = vi.fn<(message: NewCustomMessage) => Promise<void>>(async () => {});
  const onclear = vi.fn(async () => {});
  render(CustomMessageForm, { props: { own, onset, onclear } });
  return { onset, onclear };
}

afterEach(() => vi.useRealTimers());

describe("CustomMessageForm", () => {
  it("sends emoji, message and the clear-after as chosen", async () => {
    const { onset } = renderForm();
    await fireEvent.click(screen.getByTestId("emoji-trigger"));
    await fireEvent.click(screen.getByRole("button", { name: "🌴" }));
    await fireEvent.input(screen.getByTestId("message-input"), {
      target: { value: " On vacation " },
    });
    await fireEvent.change(screen.getByTestId("clear-after"), { target: { value: "one-hour" } });
    await fireEvent.click(screen.getByTestId("set-message"));
    expect(onset).toHaveBeenCalledWith({ icon: "🌴", message: "On vacation", clear_after: "one-hour" });
  });

  it("sends don't clear unless another is chosen", async () => {
    const { onset } = renderForm();
    await fireEvent.input(screen.getByTestId("message-input"), { target: { value: "Hi" } });
    await fireEvent.click(screen.getByTestId("set-message"));
    expect(onset).toHaveBeenCalledWith({ icon: null, message: "Hi", clear_after: "dont-clear" });
  });

  it("refuses a message over 80 characters", async () => {
    const { onset } = renderForm();
    await fireEvent.input(screen.getByTestId("message-input"), {
      target: { value: "🌴".repeat(81) },
    });
    const set = screen.getByTestId("set-message") as HTMLButtonElement;
    expect(set.disabled).toBe(true);
    await fireEvent.submit(screen.getByTestId("custom-form"));
    expect(onset).not.toHaveBeenCalled();
    expect(screen.getByTestId("message-input-too-long")).toBeTruthy();
  });

  it("asks for a text rather than sending an empty message", async () => {
    const { onset } = renderForm();
    await fireEvent.click(screen.getByTestId("set-message"));
    expect(onset).not.toHaveBeenCalled();
    expect(screen.getByTestId("custom-needs-text").textContent).toBe("Write a message first.");
  });

  it("starts from the custom message the user has, and clears it", async () => {
    const { onclear } = renderForm(custom);
    expect((screen.getByTestId("message-input") as HTMLInputElement).value).toBe("Lunch");
    expect(screen.getByTestId("emoji-trigger").getAttribute("aria-label")).toBe("Emoji: 🍕");
    await fireEvent.click(screen.getByTestId("clear-message"));
    expect(onclear).toHaveBeenCalledOnce();
  });

  it("offers no clearing without a message", () => {
    renderForm({ ...custom, message: null, icon: null });
    expect((screen.getByTestId("clear-message") as HTMLButtonElement).disabled).toBe(true);
  });
});
