import { describe, expect, it } from "vitest";
import { filterRooms, initials } from "./rooms";
import { room } from "./testData";

const tokens = (rooms: { token: string }[]) => rooms.map((r) => r.token);

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

it("gives a room one or two initials", () => {
  expect(initials("Team lunch")).toBe("TL");
  expect(initials("bob")).toBe("B");
  expect(initials("  ")).toBe("?");
  expect(initials("Ölfass")).toBe("Ö");
});
