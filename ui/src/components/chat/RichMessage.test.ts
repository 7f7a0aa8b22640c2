import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import RichMessage from "./RichMessage.svelte";

declare global {
  interface Window {
    __xss?: boolean;
  }
}

const PAYLOADS = [
  "<img src=x onerror=\"window.__xss=true\">",
  "<script>window.__xss=true</script>",
  "<svg onload=window.__xss=true>",
  "\"><iframe src=javascript:window.__xss=true>",
  "<a href=\"javascript:window.__xss=true\">click</a>",
  "{{constructor.constructor('window.__xss=true')()}}",
];

describe("RichMessage keeps markup literal", () => {
  it.each(PAYLOADS)("shows %s as text and runs nothing", (payload) => {
    const { container } = render(RichMessage, {
      props: {
        text: `${payload} {mention-user1} ${payload}`,
        parameters: { "mention-user1": { type: "user", id: "bob", name: payload } },
      },
    });
    expect(screen.getByTestId("rich-text").textContent).toBe(`${payload} @${payload} ${payload}`);
    expect(container.querySelector("img, script, svg, iframe, a")).toBeNull();
    expect(window.__xss).toBeUndefined();
  });

  it("builds mentions, people, calls and files as elements", async () => {
    const onopenlink = vi.fn();
    render(RichMessage, {
      props: {
        text: "{actor} shared {file} in {call} with {mention-user1} and {mention-user2}",
        parameters: {
          actor: { type: "user", id: "bob", name: "Bob" },
          file: { type: "file", id: "7", name: "plan.pdf", link: "https://cloud.example/f/7" },
          call: { type: "call", id: "abc", name: "Team" },
          "mention-user1": { type: "user", id: "admin", name: "Admin" },
          "mention-user2": { type: "user", id: "carol", name: "Carol" },
        },
        ownId: "admin",
        onopenlink,
      },
    });
    expect(screen.getByTestId("rich-text").textContent).toBe(
      "Bob shared 📄 plan.pdf in Team with @Admin and @Carol",
    );
    const mentions = screen.getAllByTestId("rich-mention");
    expect(mentions.map((m) => m.dataset.id)).toEqual(["admin", "carol"]);
    expect(mentions[0].classList.contains("me")).toBe(true);
    expect(mentions[1].classList.contains("me")).toBe(false);
    expect(screen.getAllByTestId("rich-person").map((p) => p.textContent)).toEqual(["Bob", "Team"]);
    await fireEvent.click(screen.getByTestId("rich-file"));
    expect(onopenlink).toHaveBeenCalledWith("https://cloud.example/f/7");
  });
});
