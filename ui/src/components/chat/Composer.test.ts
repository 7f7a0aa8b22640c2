import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { MentionChoice } from "../../lib/generated/types";
import Composer from "./Composer.svelte";
import { entry } from "./testData";

const people: MentionChoice[] = [
  { id: "carol", label: "Carol", source: "users", text: "@carol" },
  { id: "carl", label: "Carl Smith", source: "users", text: '@"carl smith"' },
];

function setup(extra: Record<string, unknown> = {}) {
  const findMentions = vi.fn(async (search: string) =>
    people.filter((p) => p.label.toLowerCase().startsWith(search.toLowerCase())),
  );
  const onsend = vi.fn(async () => true);
  const oncancelreply = vi.fn();
  render(Composer, { props: { findMentions, onsend, oncancelreply, ...extra } });
  const input = screen.getByTestId("composer-input") as HTMLTextAreaElement;
  return { findMentions, onsend, oncancelreply, input };
}

async function type(input: HTMLTextAreaElement, value: string) {
  input.value = value;
  input.setSelectionRange(value.length, value.length);
  await fireEvent.input(input);
}

describe("Composer", () => {
  it("asks the server for mentions after @ and writes the chosen one in", async () => {
    const { findMentions, input } = setup();
    await type(input, "hello @car");
    await waitFor(() => expect(screen.getAllByTestId("mention-option")).toHaveLength(2));
    expect(findMentions).toHaveBeenLastCalledWith("car");
    expect(input.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.keyDown(input, { key: "ArrowDown" });
    expect(screen.getAllByTestId("mention-option")[1].getAttribute("aria-selected")).toBe("true");
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(input.value).toBe('hello @"carl smith" ');
    expect(screen.queryByTestId("mention-list")).toBeNull();
  });

  it("chooses a mention with a click, and Escape closes the list", async () => {
    const { input } = setup();
    await type(input, "@carol");
    await waitFor(() => expect(screen.getAllByTestId("mention-option")).toHaveLength(1));
    await fireEvent.keyDown(input, { key: "Escape" });
    expect(screen.queryByTestId("mention-list")).toBeNull();
    await type(input, "@c");
    await waitFor(() => expect(screen.getAllByTestId("mention-option")).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId("mention-option")[0]);
    expect(input.value).toBe("@carol ");
  });

  it("only the answer to the latest search is shown", async () => {
    let answer: (found: MentionChoice[]) => void = () => {};
    const slow = vi.fn(
      (search: string) =>
        new Promise<MentionChoice[]>((resolve) => {
          if (search === "c") answer = resolve;
          else resolve(people.slice(0, 1));
        }),
    );
    const { input } = setup({ findMentions: slow });
    await type(input, "@c");
    await waitFor(() => expect(slow).toHaveBeenCalledWith("c"));
    await type(input, "@caro");
    await waitFor(() => expect(screen.getAllByTestId("mention-option")).toHaveLength(1));
    answer(people);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.getAllByTestId("mention-option")).toHaveLength(1);
  });

  it("sends with Enter, keeps Shift+Enter for new lines, and clears after sending", async () => {
    const { onsend, input } = setup();
    await type(input, "   ");
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(onsend).not.toHaveBeenCalled();
    await type(input, "first line");
    await fireEvent.keyDown(input, { key: "Enter", shiftKey: true });
    expect(onsend).not.toHaveBeenCalled();
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(onsend).toHaveBeenCalledWith("first line");
    await waitFor(() => expect(input.value).toBe(""));
  });

  it("keeps the text when sending failed", async () => {
    const { input } = setup({ onsend: vi.fn(async () => false) });
    await type(input, "try this");
    await fireEvent.click(screen.getByTestId("composer-send"));
    await waitFor(() => expect(screen.getByTestId("composer-send")).toBeTruthy());
    expect(input.value).toBe("try this");
  });

  it("shows what a reply answers; Escape cancels it", async () => {
    const replyTo = entry(5, "lunch at @Carol?");
    const { oncancelreply, input } = setup({ replyTo });
    expect(screen.getByTestId("composer-reply").textContent).toContain("lunch at @Carol?");
    await fireEvent.keyDown(input, { key: "Escape" });
    expect(oncancelreply).toHaveBeenCalled();
  });
});
