import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import EmojiPicker from "./EmojiPicker.svelte";

function trigger() {
  return screen.getByTestId("emoji-trigger");
}

async function openPicker(value: string | null = null) {
  render(EmojiPicker, { props: { value } });
  await fireEvent.click(trigger());
  return screen.getByTestId("emoji-panel");
}

describe("EmojiPicker picks exactly one emoji", () => {
  it("picks one from the grid and closes", async () => {
    await openPicker();
    expect(trigger().getAttribute("aria-expanded")).toBe("true");
    await fireEvent.click(screen.getByRole("button", { name: "🌴" }));
    expect(screen.queryByTestId("emoji-panel")).toBeNull();
    expect(trigger().getAttribute("aria-label")).toBe("Emoji: 🌴");
    expect(document.activeElement).toBe(trigger());
  });

  it("takes one typed emoji and refuses two, or a letter", async () => {
    await openPicker();
    const input = screen.getByTestId("emoji-input");
    for (const refused of ["🌴🌴", "a"]) {
      await fireEvent.input(input, { target: { value: refused } });
      await fireEvent.click(screen.getByTestId("emoji-use"));
      expect(screen.getByRole("alert").textContent).toBe("Type exactly one emoji.");
      expect(screen.getByTestId("emoji-panel")).toBeTruthy();
    }
    await fireEvent.input(input, { target: { value: "👩‍💻" } });
    expect(screen.queryByRole("alert")).toBeNull();
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(trigger().getAttribute("aria-label")).toBe("Emoji: 👩‍💻");
  });

  it("moves through the grid with the arrow keys and closes on Escape", async () => {
    await openPicker();
    const cells = screen.getAllByTestId("emoji-option");
    expect(document.activeElement).toBe(cells[0]);
    await fireEvent.keyDown(cells[0], { key: "ArrowRight" });
    expect(document.activeElement).toBe(cells[1]);
    await fireEvent.keyDown(cells[1], { key: "ArrowDown" });
    expect(document.activeElement).toBe(cells[9]);
    expect(cells[9].getAttribute("tabindex")).toBe("0");
    expect(cells[0].getAttribute("tabindex")).toBe("-1");
    await fireEvent.keyDown(cells[9], { key: "ArrowUp" });
    await fireEvent.keyDown(cells[1], { key: "ArrowUp" }); // off the top edge: stays
    expect(document.activeElement).toBe(cells[1]);
    await fireEvent.keyDown(cells[1], { key: "Escape" });
    expect(screen.queryByTestId("emoji-panel")).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });

  it("opens on the chosen emoji and can remove it", async () => {
    await openPicker("🌴");
    expect(document.activeElement?.textContent?.trim()).toBe("🌴");
    await fireEvent.click(screen.getByTestId("emoji-remove"));
    expect(trigger().getAttribute("aria-label")).toBe("Choose an emoji");
  });
});
