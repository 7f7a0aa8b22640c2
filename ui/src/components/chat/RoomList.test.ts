import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import RoomList from "./RoomList.svelte";
import { room } from "./testData";

// In the daemon's order: favorites first, then by last activity.
const rooms = [
  room("fav", "Favorite room", { favorite: true, last_activity: 1 }),
  room("quiet", "Quiet room", { last_activity: 50 }),
  room("busy", "Busy room", { last_activity: 40, unread_messages: 3, unread_mention: true }),
  room("muted", "Muted room", { last_activity: 30, unread_messages: 120, muted: true }),
];

function names() {
  return screen.getAllByTestId("room-name").map((element) => element.textContent?.replace("★", "").trim());
}

function setup(onopen = vi.fn()) {
  render(RoomList, { props: { rooms, selected: null, onopen, onnew: vi.fn() } });
  return onopen;
}

describe("RoomList", () => {
  it("lists the rooms in the order given, with unread counts and mention marks", () => {
    setup();
    expect(names()).toEqual(["Favorite room", "Quiet room", "Busy room", "Muted room"]);
    const busy = screen.getAllByTestId("room")[2];
    expect(busy.querySelector("[data-testid=room-unread]")?.textContent).toBe("3");
    expect(busy.querySelector("[data-testid=room-mention]")).not.toBeNull();
    const muted = screen.getAllByTestId("room")[3];
    expect(muted.querySelector("[data-testid=room-unread]")?.textContent).toBe("99+");
    expect(muted.querySelector("[data-testid=room-mention]")).toBeNull();
    expect(screen.getAllByTestId("room")[1].querySelector("[data-testid=room-unread]")).toBeNull();
  });

  it("filters as you type and says when nothing matches", async () => {
    setup();
    const search = screen.getByTestId("room-search");
    await fireEvent.input(search, { target: { value: "BUSY" } });
    expect(names()).toEqual(["Busy room"]);
    await fireEvent.input(search, { target: { value: "xyz" } });
    expect(screen.queryAllByTestId("room")).toHaveLength(0);
    expect(screen.getByTestId("rooms-no-match").textContent).toContain("xyz");
  });

  it("moves with the arrow keys from the search box and opens with Enter", async () => {
    const onopen = setup();
    const search = screen.getByTestId("room-search");
    const active = () => document.getElementById(search.getAttribute("aria-activedescendant") ?? "");
    expect(active()?.dataset.token).toBe("fav");
    await fireEvent.keyDown(search, { key: "ArrowDown" });
    await fireEvent.keyDown(search, { key: "ArrowDown" });
    expect(active()?.dataset.token).toBe("busy");
    await fireEvent.keyDown(search, { key: "ArrowUp" });
    expect(active()?.dataset.token).toBe("quiet");
    await fireEvent.keyDown(search, { key: "End" });
    expect(active()?.dataset.token).toBe("muted");
    await fireEvent.keyDown(search, { key: "ArrowDown" });
    expect(active()?.dataset.token).toBe("muted"); // stays on the last room
    await fireEvent.keyDown(search, { key: "Enter" });
    expect(onopen).toHaveBeenCalledWith("muted");
  });

  it("opens the first match of a search with Enter, and a room with a click", async () => {
    const onopen = setup();
    const search = screen.getByTestId("room-search");
    await fireEvent.input(search, { target: { value: "quiet" } });
    await fireEvent.keyDown(search, { key: "Enter" });
    expect(onopen).toHaveBeenLastCalledWith("quiet");
    await fireEvent.input(search, { target: { value: "" } });
    await fireEvent.click(screen.getAllByTestId("room")[2]);
    expect(onopen).toHaveBeenLastCalledWith("busy");
  });

  it("keeps the arrow keys on the same room when a message moves it up the list", async () => {
    const onopen = vi.fn();
    const { rerender } = render(RoomList, { props: { rooms, selected: null, onopen, onnew: vi.fn() } });
    const search = screen.getByTestId("room-search");
    await fireEvent.keyDown(search, { key: "End" });
    const muted = { ...rooms[3], last_activity: 99 };
    const moved = [rooms[0], muted, rooms[1], rooms[2]];
    await rerender({ rooms: moved });
    expect(names()[1]).toBe("Muted room");
    await fireEvent.keyDown(search, { key: "Enter" });
    expect(onopen).toHaveBeenCalledWith("muted");
  });
});
