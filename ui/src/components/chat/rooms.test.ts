import { describe, expect, it } from "vitest";
import { filterRooms, initials, sortRooms, withActivity, withUnread } from "./rooms";
import { room } from "./testData";

const tokens = (rooms: { token: string }[]) => rooms.map((r) => r.token);

describe("the room list's order", () => {
  it("puts favorites first, then the latest activity", () => {
    const rooms = [
      room("old", "Old", { last_activity: 10 }),
      room("fav-old", "Old favorite", { favorite: true, last_activity: 1 }),
      room("new", "New", { last_activity: 30 }),
      room("fav-new", "New favorite", { favorite: true, last_activity: 20 }),
    ];
    expect(tokens(sortRooms(rooms))).toEqual(["fav-new", "fav-old", "new", "old"]);
  });

  it("moves a room up when a message arrives in it", () => {
    const rooms = [room("a", "A", { last_activity: 20 }), room("b", "B", { last_activity: 10 })];
    const moved = withActivity(rooms, "b", 30, "Bob: hi");
    expect(tokens(sortRooms(moved))).toEqual(["b", "a"]);
    expect(moved[1].last_message).toBe("Bob: hi");
    // A late, older message does not move it back.
    expect(withActivity(moved, "b", 5, "old")[1].last_activity).toBe(30);
  });
});

describe("searching rooms", () => {
  const rooms = [room("1", "Zoë’s team"), room("2", "Marketing"), room("3", "Team lunch")];

  it("matches every word anywhere in the name, ignoring case and accents", () => {
    expect(tokens(filterRooms(rooms, "team"))).toEqual(["1", "3"]);
    expect(tokens(filterRooms(rooms, "ZOE"))).toEqual(["1"]);
    expect(tokens(filterRooms(rooms, "lunch team"))).toEqual(["3"]);
    expect(tokens(filterRooms(rooms, "  "))).toEqual(["1", "2", "3"]);
    expect(filterRooms(rooms, "nothing")).toEqual([]);
  });
});

describe("unread counts from unread-changed", () => {
  it("sets the counted rooms, clears the others and leaves muted rooms alone", () => {
    const rooms = [
      room("a", "A", { unread_messages: 5, unread_mention: true }),
      room("b", "B"),
      room("muted", "Muted", { muted: true, unread_messages: 40 }),
    ];
    const updated = withUnread(rooms, {
      rooms: [{ token: "b", name: "B", unread: 2, mentioned: true }],
      total_unread: 2,
      total_mentions: 1,
      awaiting_answer: 1,
    });
    expect(updated.map((r) => [r.token, r.unread_messages, r.unread_mention])).toEqual([
      ["a", 0, false],
      ["b", 2, true],
      ["muted", 40, false],
    ]);
  });
});

it("gives a room one or two initials", () => {
  expect(initials("Team lunch")).toBe("TL");
  expect(initials("bob")).toBe("B");
  expect(initials("  ")).toBe("?");
  expect(initials("Ölfass")).toBe("Ö");
});
