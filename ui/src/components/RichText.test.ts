import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import RichText from "./RichText.svelte";

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
  it("fills placeholders with the objects' names and leaves unknown ones as text", () => {
    render(RichText, {
      props: {
        text: "{user} shared {file} with you {unknown} {}",
        parameters: {
          user: { type: "user", id: "alice", name: "Alice" },
          file: { type: "file", id: "7", name: "Budget.ods", path: "Budget.ods" },
        },
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
        text: `${payload} {user} ${payload}`,
        parameters: { user: { type: "user", id: payload, name: payload, link: payload } },
        onopenlink: () => {},
      },
    });
    expect(screen.getByTestId("rich-text").textContent).toBe(`${payload} ${payload} ${payload}`);
    expect(container.querySelector("img, script, svg, iframe, a, b")).toBeNull();
    expect(window.__xss).toBeUndefined();
  });

  it("links only http(s) objects, and opens them through the caller", async () => {
    const onopenlink = vi.fn();
    render(RichText, {
      props: {
        text: "{file} {bad} {data}",
        parameters: {
          file: { type: "file", id: "7", name: "plan.pdf", link: "https://cloud.example/f/7" },
          bad: { type: "file", id: "8", name: "evil", link: "javascript:window.__xss=true" },
          data: { type: "file", id: "9", name: "data", link: "data:text/html,<script>1</script>" },
        },
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
        text: "{file}",
        parameters: { file: { type: "file", id: "7", name: "plan.pdf", link: "https://cloud.example/f/7" } },
      },
    });
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toBe("plan.pdf");
  });
});
