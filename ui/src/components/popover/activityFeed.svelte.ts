// The activity list's state: a page from the cache, older pages as the user scrolls (from the
// cache while it has them, then from the server into the cache), a filter, and search through
// the engine's full-text index. Answers that arrive after the filter or search changed are
// dropped.
import { activity as commands } from "../../lib/api/activity";
import type { ActivityView } from "../../lib/generated/types";
import { reason } from "./message";

/** Entries read from the cache at a time. */
export const PAGE_SIZE = 50;
/** Search hits shown (the newest). */
export const SEARCH_LIMIT = 200;
/**
 * Server pages fetched for one scroll at most: with a filter few entries pass, a page from the
 * server may add nothing to the list, and the user can ask for more with the button.
 */
const SERVER_PAGES_PER_SCROLL = 5;

export type ActivityCommands = Pick<typeof commands, "page" | "loadNewer" | "loadOlder" | "search">;

export class ActivityFeed {
  items = $state<ActivityView[]>([]);
  filter = $state<string | null>(null);
  /** The search text; empty: the stream. */
  query = $state("");
  /** The first page or the search is on its way. */
  loading = $state(false);
  loadingOlder = $state(false);
  /** The first page or the search failed. */
  error = $state<string | null>(null);
  /** Loading older entries failed (the list stays). */
  olderError = $state<string | null>(null);
  /** Nothing older exists (or, searching, nothing more is shown). */
  atEnd = $state(false);

  /** Counts filter and search changes; an answer for an older one is dropped. */
  #generation = 0;
  #api: ActivityCommands;

  constructor(api: ActivityCommands = commands) {
    this.#api = api;
  }

  get searching(): boolean {
    return this.query.trim() !== "";
  }

  /** Shows the newest entries through the filter, or the search hits. */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    this.loadingOlder = false;
    this.error = null;
    this.olderError = null;
    this.atEnd = false;
    const text = this.query.trim();
    try {
      const items = text
        ? await this.#api.search(this.filter, text, SEARCH_LIMIT)
        : await this.#api.page(this.filter, null, PAGE_SIZE);
      if (generation !== this.#generation) return;
      this.items = items;
      // Search shows its hits at once; the stream may have more in the cache or on the server.
      if (text) this.atEnd = true;
    } catch (failure) {
      if (generation === this.#generation) this.error = reason(failure);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  setFilter(filter: string | null): Promise<void> {
    this.filter = filter;
    return this.reload();
  }

  search(text: string): Promise<void> {
    this.query = text;
    return this.reload();
  }

  /** Appends the next older entries: from the cache, else from the server into the cache. */
  async loadOlder(): Promise<void> {
    if (this.loading || this.loadingOlder || this.atEnd || this.error || this.searching) return;
    const generation = this.#generation;
    this.loadingOlder = true;
    this.olderError = null;
    try {
      for (let fetched = 0; ; ) {
        const before = this.items.at(-1)?.id ?? null;
        const page = await this.#api.page(this.filter, before, PAGE_SIZE);
        if (generation !== this.#generation) return;
        this.#append(page);
        // A full page from the cache, or something new after a fetch: enough for one scroll.
        if (page.length === PAGE_SIZE || (page.length > 0 && fetched > 0)) return;
        if (fetched === SERVER_PAGES_PER_SCROLL) return;
        // The cache ran out: one page further back from the server, then read the cache on.
        const arrived = await this.#api.loadOlder();
        fetched++;
        if (generation !== this.#generation) return;
        if (arrived === 0) {
          this.atEnd = true;
          return;
        }
      }
    } catch (failure) {
      if (generation === this.#generation) this.olderError = reason(failure);
    } finally {
      if (generation === this.#generation) this.loadingOlder = false;
    }
  }

  /** Fetches what is new on the server and puts it on top. */
  async loadNewer(): Promise<void> {
    const generation = this.#generation;
    try {
      if ((await this.#api.loadNewer()) === 0 || this.searching) return;
      const newest = await this.#api.page(this.filter, null, PAGE_SIZE);
      if (generation !== this.#generation) return;
      const top = this.items[0]?.id ?? -Infinity;
      const fresh = newest.filter((entry) => entry.id > top);
      if (fresh.length === newest.length) {
        // More arrived than one page: the list starts over from the newest.
        this.items = newest;
        this.atEnd = false;
      } else {
        this.items = [...fresh, ...this.items];
      }
    } catch {
      // The cached list is still right, only not the newest; the next sync brings it.
    }
  }

  #append(page: ActivityView[]) {
    const known = new Set(this.items.map((entry) => entry.id));
    const older = page.filter((entry) => !known.has(entry.id));
    if (older.length > 0) this.items = [...this.items, ...older];
  }
}
