import { describe, expect, it, vi } from "vitest";
import type { ActivityView } from "../../lib/generated/types";
import { ActivityFeed, PAGE_SIZE, type ActivityCommands } from "./activityFeed.svelte";
import { plain } from "../richParts";
import { activities } from "./testData";

/** A fake engine: a cache holding `cached` (newest first) and a server with `older` behind it. */
function engine(cached: ActivityView[], older: ActivityView[][] = []) {
  const cache = [...cached];
  const api = {
    page: vi.fn(async (_filter: string | null, before: number | null, limit: number) =>
      cache.filter((a) => before === null || a.id < before).slice(0, limit),
    ),
    loadOlder: vi.fn(async () => {
      const page = older.shift() ?? [];
      cache.push(...page);
      return page.length;
    }),
    loadNewer: vi.fn(async () => 0),
    search: vi.fn(async (_filter: string | null, text: string) => cache.filter((a) => plain(a.subject).includes(text))),
  } satisfies ActivityCommands;
  return { api, cache };
}

const ids = (feed: ActivityFeed) => feed.items.map((a) => a.id);

describe("ActivityFeed", () => {
  it("pages through the cache, then fetches older pages from the server until the end", async () => {
    const { api } = engine(activities(200, 120), [activities(80, 50), activities(30, 30)]);
    const feed = new ActivityFeed(api);
    await feed.reload();
    expect(ids(feed)).toEqual(activities(200, PAGE_SIZE).map((a) => a.id));

    await feed.loadOlder(); // the second full page from the cache
    expect(feed.items).toHaveLength(100);
    expect(api.loadOlder).not.toHaveBeenCalled();

    await feed.loadOlder(); // 20 more in the cache, then the server's next page
    expect(api.loadOlder).toHaveBeenCalledTimes(1);
    expect(feed.items).toHaveLength(170);
    expect(feed.atEnd).toBe(false);

    await feed.loadOlder();
    await feed.loadOlder();
    expect(feed.items.at(-1)!.id).toBe(1);
    expect(feed.atEnd).toBe(true);
    expect(new Set(ids(feed)).size).toBe(200);
    const calls = api.loadOlder.mock.calls.length;
    await feed.loadOlder();
    expect(api.loadOlder.mock.calls.length).toBe(calls);
  });

  it("searches the engine's index and does not page while searching", async () => {
    const { api } = engine(activities(60, 60));
    const feed = new ActivityFeed(api);
    await feed.search("Thing 5");
    expect(api.search).toHaveBeenCalledWith(null, "Thing 5", expect.any(Number));
    expect(feed.items.every((a) => plain(a.subject).includes("Thing 5"))).toBe(true);
    await feed.loadOlder();
    expect(api.page).not.toHaveBeenCalled();
    await feed.search("  ");
    expect(feed.items).toHaveLength(PAGE_SIZE);
  });

  it("drops an answer that arrives after the filter changed", async () => {
    let release: (list: ActivityView[]) => void = () => {};
    const api = {
      ...engine([]).api,
      page: vi.fn(
        (filter: string | null) =>
          new Promise<ActivityView[]>((resolve) => {
            if (filter === null) release = resolve;
            else resolve(activities(9, 1));
          }),
      ),
    };
    const feed = new ActivityFeed(api);
    const slow = feed.reload();
    await feed.setFilter("files");
    release(activities(50, 5));
    await slow;
    expect(ids(feed)).toEqual([9]);
    expect(feed.loading).toBe(false);
  });

  it("keeps the list and says why when older entries cannot be fetched", async () => {
    const { api } = engine(activities(10, 10));
    api.loadOlder.mockRejectedValueOnce(new Error("The server is in maintenance mode"));
    const feed = new ActivityFeed(api);
    await feed.reload();
    await feed.loadOlder();
    expect(feed.items).toHaveLength(10);
    expect(feed.olderError).toBe("The server is in maintenance mode");
    expect(feed.atEnd).toBe(false);
  });

  it("puts new entries on top", async () => {
    const { api, cache } = engine(activities(20, 20));
    const feed = new ActivityFeed(api);
    await feed.reload();
    cache.unshift(...activities(22, 2));
    api.loadNewer.mockResolvedValueOnce(2);
    await feed.loadNewer();
    expect(ids(feed).slice(0, 3)).toEqual([22, 21, 20]);
    expect(feed.items).toHaveLength(22);
  });
});
