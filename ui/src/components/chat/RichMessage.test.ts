import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import RichMessage from "./RichMessage.svelte";
import { mention, object, text } from "../richParts";

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
      props: { parts: [text(`${payload} `), mention("mention-user1", "bob", payload), text(` ${payload}`)] },
    });
    expect(screen.getByTestId("rich-text").textContent).toBe(`${payload} @${payload} ${payload}`);
    expect(container.querySelector("img, script, svg, iframe, a")).toBeNull();
    expect(window.__xss).toBeUndefined();
  });

  it("builds mentions, people, calls and files as elements", async () => {
    const onopenlink = vi.fn();
    render(RichMessage, {
      props: {
        parts: [
          object({ key: "actor", object_type: "user", id: "bob", name: "Bob", person: true }),
          text(" shared "),
          object({ key: "file", object_type: "file", id: "7", name: "plan.pdf", link: "https://cloud.example/f/7" }),
          text(" in "),
          object({ key: "call", object_type: "call", id: "abc", name: "Team", person: true }),
          text(" with "),
          mention("mention-user1", "admin", "Admin"),
          text(" and "),
          mention("mention-user2", "carol", "Carol"),
          text(" at "),
          object({ key: "place", object_type: "geo-location", id: "geo:1,2", name: "Office" }),
        ],
        ownId: "admin",
        onopenlink,
      },
    });
    expect(screen.getByTestId("rich-text").textContent).toBe(
      "Bob shared 📄 plan.pdf in Team with @Admin and @Carol at Office",
    );
    const mentions = screen.getAllByTestId("rich-mention");
    expect(mentions.map((m) => m.dataset.id)).toEqual(["admin", "carol"]);
    expect(mentions[0].classList.contains("me")).toBe(true);
    expect(mentions[1].classList.contains("me")).toBe(false);
    expect(screen.getAllByTestId("rich-person").map((p) => p.textContent)).toEqual(["Bob", "Team"]);
    expect(screen.getByTestId("rich-object").textContent).toBe("Office");
    await fireEvent.click(screen.getByTestId("rich-file"));
    expect(onopenlink).toHaveBeenCalledWith("https://cloud.example/f/7");
  });

  it("shows a file without a link as its name only", () => {
    const { container } = render(RichMessage, {
      props: { parts: [object({ key: "file", object_type: "file", id: "7", name: "plan.pdf" })], onopenlink: vi.fn() },
    });
    expect(container.querySelector("button")).toBeNull();
    expect(screen.getByTestId("rich-file").textContent).toBe("📄 plan.pdf");
  });
});
