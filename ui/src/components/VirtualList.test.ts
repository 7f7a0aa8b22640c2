import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { createRawSnippet } from "svelte";
import { describe, expect, it, vi } from "vitest";
import VirtualList from "./VirtualList.svelte";

interface Item {
  id: number;
  text: string;
}

const items: Item[] = Array.from({ length: 10_000 }, (_, id) => ({ id, text: `Item ${id}` }));

const row = createRawSnippet((item: () => Item) => ({
  render: () => `<span class="item">${item().text}</span>`,
}));

function renderList(extra: Record<string, unknown> = {}) {
  return render(VirtualList<Item>, {
    props: { items, key: (item: Item) => item.id, row, estimate: 50, label: "Things", ...extra },
  });
}

function shown(): string[] {
  return [...screen.getByTestId("virtual-list").querySelectorAll(".item")].map((el) => el.textContent ?? "");
}

describe("VirtualList", () => {
  it("renders only a window of 10,000 items", () => {
    renderList();
    const rows = screen.getAllByRole("listitem");
    // A 600 px view of 50 px rows is 12 rows, plus the overscan below.
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(30);
    expect(shown()[0]).toBe("Item 0");
    expect(rows[0]!.getAttribute("aria-setsize")).toBe("10000");
    expect(rows[0]!.getAttribute("aria-posinset")).toBe("1");
  });

  it("renders the rows at the scroll position, with space for the rest", async () => {
    renderList();
    const viewport = screen.getByTestId("virtual-list");
    viewport.scrollTop = 250_000; // row 5000
    await fireEvent.scroll(viewport);
    await waitFor(() => expect(shown()).toContain("Item 5000"));
    expect(shown()).not.toContain("Item 0");
    expect(screen.getAllByRole("listitem").length).toBeLessThan(30);
    const [top, bottom] = viewport.querySelectorAll<HTMLElement>(".spacer");
    const first = Number(screen.getAllByRole("listitem")[0]!.getAttribute("data-index"));
    expect(top!.style.height).toBe(`${first * 50}px`);
    expect(parseFloat(bottom!.style.height)).toBeGreaterThan(4000 * 50);
  });

  it("asks for more near the end only", async () => {
    const onend = vi.fn();
    renderList({ onend });
    expect(onend).not.toHaveBeenCalled();
    const viewport = screen.getByTestId("virtual-list");
    viewport.scrollTop = 10_000 * 50 - 700;
    await fireEvent.scroll(viewport);
    await waitFor(() => expect(onend).toHaveBeenCalled());
    expect(shown()).toContain("Item 9999");
  });

  it("asks for more at once when the items do not fill the view", async () => {
    const onend = vi.fn();
    render(VirtualList<Item>, {
      props: { items: items.slice(0, 3), key: (item: Item) => item.id, row, label: "Things", onend },
    });
    await waitFor(() => expect(onend).toHaveBeenCalled());
  });
});
