import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import RichText from "./RichText.svelte";
import { object, text } from "./richParts";

declare global {
  interface Window {
    __xss?: boolean;
  }
}

const PAYLOADS = [
  '<img src=x onerror="window.__xss=true">',
  "<script>window.__xss=true</script>",
  "<svg onload=window.__xss=true>",
  '"><iframe src=javascript:window.__xss=true>',
  '<a href="javascript:window.__xss=true">click</a>',
  "<b>bold</b>&amp;&lt;",
];

describe("RichText", () => {
  it("shows text as text and objects by their labels, with their types", () => {
    render(RichText, {
      props: {
        parts: [
          object({ key: "user", object_type: "user", id: "alice", name: "Alice", person: true }),
          text(" shared "),
          object({ key: "file", object_type: "file", id: "7", name: "Budget.ods" }),
          text(" with you {unknown} {}"),
        ],
      },
    });
    const rich = screen.getByTestId("rich-text");
    expect(rich.textContent).toBe("Alice shared Budget.ods with you {unknown} {}");
    const objects = rich.querySelectorAll(".object");
    expect([...objects].map((o) => [o.getAttribute("data-type"), o.textContent])).toEqual([
      ["user", "Alice"],
      ["file", "Budget.ods"],
    ]);
  });

  it.each(PAYLOADS)("keeps markup in the text and in names literal: %s", (payload) => {
    const { container } = render(RichText, {
      props: {
        parts: [text(`${payload} `), object({ key: "user", object_type: "user", id: payload, name: payload }), text(` ${payload}`)],
        onopenlink: () => {},
      },
    });
    expect(screen.getByTestId("rich-text").textContent).toBe(`${payload} ${payload} ${payload}`);
    expect(container.querySelector("img, script, svg, iframe, a, b")).toBeNull();
    expect(window.__xss).toBeUndefined();
  });

  it("links an object that has a link, and opens it through the caller", async () => {
    const onopenlink = vi.fn();
    render(RichText, {
      props: {
        parts: [
          object({ key: "file", object_type: "file", id: "7", name: "plan.pdf", link: "https://cloud.example/f/7" }),
          text(" "),
          object({ key: "other", object_type: "file", id: "8", name: "other" }),
        ],
        onopenlink,
      },
    });
    const links = screen.getByTestId("rich-text").querySelectorAll("a");
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute("href")).toBe("https://cloud.example/f/7");
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    await fireEvent(links[0]!, click);
    expect(click.defaultPrevented).toBe(true);
    expect(onopenlink).toHaveBeenCalledWith("https://cloud.example/f/7");
  });

  it("shows names, not links, without an opener", () => {
    const { container } = render(RichText, {
      props: {
        parts: [object({ key: "file", object_type: "file", id: "7", name: "plan.pdf", link: "https://cloud.example/f/7" })],
      },
    });
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toBe("plan.pdf");
  });
});
