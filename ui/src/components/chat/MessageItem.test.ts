import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { ChatEntry } from "../../lib/generated/types";
import MessageItem from "./MessageItem.svelte";
import { entry } from "./testData";
import { mention, object, text } from "../richParts";

function setup(props: { entry: ChatEntry }) {
  const handlers = { onreply: vi.fn(), onreact: vi.fn(), onjump: vi.fn(), onopenlink: vi.fn() };
  const { container } = render(MessageItem, { props: { ownId: "admin", ...handlers, ...props } });
  return { ...handlers, container };
}

describe("MessageItem", () => {
  it("shows author, text with its markup literal, the quote and reactions", async () => {
    const message = entry(9, "<b>bold?</b> @Admin", {
      parts: [text("<b>bold?</b> "), mention("mention-user1", "admin", "Admin")],
      parent: { id: 3, author: "Carol", text: "<i>question</i>", deleted: false },
      reactions: [
        { emoji: "👍", count: 2, mine: true },
        { emoji: "🎉", count: 1, mine: false },
      ],
    });
    const { onreact, onjump, container } = setup({ entry: message });
    expect(screen.getByTestId("message-author").textContent).toBe("Bob");
    expect(screen.getByTestId("message-text").textContent?.trim()).toBe("<b>bold?</b> @Admin");
    expect(container.querySelector(".text b, .quote i")).toBeNull();
    expect(screen.getByTestId("message-quote").textContent).toContain("<i>question</i>");
    await fireEvent.click(screen.getByTestId("message-quote"));
    expect(onjump).toHaveBeenCalledWith(3);
    const [thumbs, party] = screen.getAllByTestId("reaction");
    expect(thumbs.getAttribute("aria-pressed")).toBe("true");
    await fireEvent.click(thumbs);
    expect(onreact).toHaveBeenLastCalledWith(message, "👍", false);
    await fireEvent.click(party);
    expect(onreact).toHaveBeenLastCalledWith(message, "🎉", true);
  });

  it("reacts from the quick picker and replies", async () => {
    const message = entry(9, "hi");
    const { onreact, onreply } = setup({ entry: message });
    await fireEvent.click(screen.getByTestId("message-react"));
    const choices = screen.getAllByTestId("quick-reaction");
    expect(choices.length).toBeGreaterThan(3);
    await fireEvent.click(choices[0]);
    expect(onreact).toHaveBeenCalledWith(message, choices[0].dataset.emoji, true);
    expect(screen.queryByTestId("quick-reaction")).toBeNull();
    await fireEvent.click(screen.getByTestId("message-reply"));
    expect(onreply).toHaveBeenCalledWith(message);
  });

  it("shows a system message as a line of text without actions", () => {
    setup({
      entry: entry(1, "Bob <script> created the conversation", {
        system_message: "conversation_created",
        parts: [
          object({ key: "actor", object_type: "user", id: "bob", name: "Bob <script>", person: true }),
          text(" created the conversation"),
        ],
      }),
    });
    const line = screen.getByTestId("message");
    expect(line.dataset.system).toBe("conversation_created");
    expect(line.textContent).toContain("Bob <script> created the conversation");
    expect(screen.queryByTestId("message-reply")).toBeNull();
  });

  it("offers no reply where the server allows none", () => {
    setup({ entry: entry(2, "bot says", { replyable: false, actor_type: "bots" }) });
    expect(screen.queryByTestId("message-reply")).toBeNull();
    expect(screen.getByTestId("message-react")).toBeTruthy();
  });
});
