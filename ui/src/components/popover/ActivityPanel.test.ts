// The activity tab against a fake Rust side.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActivityView } from "../../lib/generated/types";
import { object, plain, text } from "../richParts";
import { activities, activity } from "./testData";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { default: ActivityPanel } = await import("./ActivityPanel.svelte");

const photo = activity(300, "You created Photos/Beach.jpg", {
  app: "files",
  kind: "file_created",
  subject: [text("You created "), object({ key: "file", object_type: "file", id: "41", name: "Beach.jpg" })],
  icon: "https://cloud.example/apps/files/img/add-color.svg",
  previews: [
    {
      source: "https://cloud.example/index.php/core/preview?fileId=41&x=250&y=250&a=true",
      link: "https://cloud.example/index.php/apps/files/?dir=/Photos&scrollto=Beach.jpg",
      file_id: 41,
      name: "Beach.jpg",
    },
  ],
  download: { file_id: 41, name: "Beach.jpg" },
});
const deleted = activity(299, "You deleted old.txt", { app: "files", kind: "file_deleted" });
let cache: ActivityView[];

beforeEach(() => {
  vi.useRealTimers();
  cache = [photo, deleted, ...activities(298, 20)];
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args: Record<string, unknown>) => {
    switch (command) {
      case "activity_filters":
        // The daemon's choices: usable in the cache, best first.
        return [
          { id: "all", name: "All activities" },
          { id: "files", name: "File changes" },
        ];
      case "activity_page": {
        const before = args.before as number | null;
        const list = cache.filter((a) => (args.filter === null || a.app === args.filter) && (before === null || a.id < before));
        return list.slice(0, args.limit as number);
      }
      case "activity_load_newer":
      case "activity_load_older":
        return 0;
      case "activity_search":
        return cache.filter((a) => plain(a.subject).includes(args.text as string));
      case "activity_download":
      case "open_link":
        return null;
      default:
        throw { kind: "internal", message: `unexpected ${command}` };
    }
  });
});

const subjects = () => screen.getAllByTestId("activity-subject").map((s) => s.textContent?.trim());
/** How many entries the list holds (it renders only those in view). */
const listed = () => Number(screen.queryByTestId("activity-list")?.dataset.count ?? 0);

describe("ActivityPanel", () => {
  it("shows the cached stream with previews through nctray-img and the end of it", async () => {
    render(ActivityPanel);
    await waitFor(() => expect(subjects()[0]).toBe("You created Beach.jpg"));
    const preview = screen.getByTestId("activity-preview") as HTMLImageElement;
    expect(preview.getAttribute("src")).toBe(
      "nctray-img://localhost/fetch?url=" +
        encodeURIComponent("https://cloud.example/index.php/core/preview?fileId=41&x=250&y=250&a=true"),
    );
    expect(preview.alt).toContain("Beach.jpg");
    expect(invoke).not.toHaveBeenCalledWith("activity_load_older", {});
    // At the bottom: 22 entries are fewer than a page, so the server is asked; it has no more.
    const list = screen.getByTestId("activity-list");
    list.scrollTop = 22 * 64;
    await fireEvent.scroll(list);
    await screen.findByTestId("activity-end");
    expect(invoke).toHaveBeenCalledWith("activity_load_older", {});
    expect(invoke).toHaveBeenCalledWith("activity_page", { filter: null, before: 279, limit: 50 });
  });

  it("offers the server's filters the cache can apply, and applies the chosen one", async () => {
    render(ActivityPanel);
    const select = (await screen.findByTestId("activity-filter")) as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(2));
    expect([...select.options].map((o) => o.text)).toEqual(["All activities", "File changes"]);
    await waitFor(() => expect(listed()).toBe(22));
    select.value = "files";
    await fireEvent.change(select);
    await waitFor(() => expect(listed()).toBe(2));
    expect(invoke).toHaveBeenCalledWith("activity_page", { filter: "files", before: null, limit: 50 });
  });

  it("searches after typing pauses", async () => {
    render(ActivityPanel);
    await waitFor(() => expect(listed()).toBe(22));
    await fireEvent.input(screen.getByTestId("activity-search"), { target: { value: "Thing 29" } });
    await waitFor(() => expect(subjects()).toEqual(["Thing 298", "Thing 297", "Thing 296", "Thing 295", "Thing 294", "Thing 293", "Thing 292", "Thing 291", "Thing 290"]));
    expect(invoke).toHaveBeenCalledWith("activity_search", { filter: null, text: "Thing 29", limit: 200 });
    await fireEvent.input(screen.getByTestId("activity-search"), { target: { value: "nothing like it" } });
    expect((await screen.findByTestId("activity-empty")).textContent).toContain("nothing like it");
  });

  it("downloads files that are still there, through Rust", async () => {
    render(ActivityPanel);
    await waitFor(() => expect(listed()).toBe(22));
    const [first, second] = screen.getAllByTestId("activity");
    expect(within(second!).queryByTestId("activity-download")).toBeNull();
    await fireEvent.click(within(first!).getByTestId("activity-download"));
    expect(invoke).toHaveBeenCalledWith("activity_download", { fileId: 41 });
  });

  it("shows a failed download next to the entry", async () => {
    render(ActivityPanel);
    await waitFor(() => expect(listed()).toBe(22));
    invoke.mockRejectedValueOnce({ kind: "not_found", message: "The file is gone" });
    await fireEvent.click(screen.getByTestId("activity-download"));
    expect((await screen.findByTestId("activity-problem")).textContent).toContain("The file is gone");
  });

  it("says why the stream could not be read, and tries again", async () => {
    const normal = invoke.getMockImplementation()!;
    invoke.mockImplementation(async (command: string, args: Record<string, unknown>) => {
      if (command === "activity_page") throw { kind: "database", message: "database is locked" };
      return normal(command, args);
    });
    render(ActivityPanel);
    const problem = await screen.findByTestId("activity-problem");
    expect(problem.textContent).toContain("database is locked");
    invoke.mockImplementation(normal);
    await fireEvent.click(screen.getByTestId("activity-problem-retry"));
    await waitFor(() => expect(listed()).toBe(22));
  });
});
