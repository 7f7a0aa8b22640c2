import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import MessageField from "./MessageField.svelte";

function renderField() {
  render(MessageField, { props: { value: "", label: "What is your status?" } });
  return screen.getByLabelText("What is your status?") as HTMLInputElement;
}

async function type(input: HTMLInputElement, text: string) {
  await fireEvent.input(input, { target: { value: text } });
}

describe("MessageField shows the character count as you type", () => {
  it("counts what is typed, out of 80", async () => {
    const input = renderField();
    expect(screen.getByTestId("message-input-count").textContent?.trim()).toBe("0/80");
    await type(input, "Lunch");
    expect(screen.getByTestId("message-input-count").textContent?.trim()).toBe("5/80");
  });

  it("counts emoji and combining characters as the server does", async () => {
    const input = renderField();
    await type(input, "🌴 e\u0301");
    expect(screen.getByTestId("message-input-count").textContent?.trim()).toBe("4/80");
  });

  it("says plainly when the message is too long, and clears that when it fits again", async () => {
    const input = renderField();
    await type(input, "x".repeat(80));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(input.getAttribute("aria-invalid")).toBe("false");

    await type(input, "x".repeat(79) + "🌴🌴");
    expect(screen.getByRole("alert").textContent).toContain(
      "The message has 81 characters; at most 80 are allowed.",
    );
    expect(input.getAttribute("aria-invalid")).toBe("true");

    await type(input, "x".repeat(79) + "🌴");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
