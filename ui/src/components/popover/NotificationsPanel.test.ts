// The notification list against a fake Rust side: commands answered by `invoke`, the
// `notifications-changed` event delivered through the captured `listen` handler.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { NotificationView } from "../../lib/generated/types";
import { object, text } from "../richParts";
import { notification } from "./testData";

const handlers = new Map<string, (event: { payload: unknown }) => void>();
const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({
  listen: async (name: string, handler: (event: { payload: unknown }) => void) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

const { default: NotificationsPanel } = await import("./NotificationsPanel.svelte");

const share = notification(7, "Bob shared Plan.ods with you", {
  app: "files_sharing",
  subject: [
    object({ key: "user", object_type: "user", id: "bob", name: "Bob", person: true }),
    text(" shared "),
    object({ key: "file", object_type: "file", id: "12", name: "Plan.ods", link: "https://cloud.example/f/12" }),
    text(" with you"),
  ],
  link: "https://cloud.example/f/12",
  actions: [
    { label: "Accept", kind: "POST", primary: true, opens: null },
    { label: "Details", kind: "WEB", primary: false, opens: "https://cloud.example/f/12" },
  ],
});
const older = notification(3, "Update available");

let server: NotificationView[];

beforeEach(() => {
  handlers.clear();
  // As the daemon lists them: newest first.
  server = [share, older];
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args: { id?: number; index?: number }) => {
    switch (command) {
      case "notifications_list":
      case "notifications_refresh":
        return server;
      case "notification_action":
      case "notification_dismiss":
        server = server.filter((n) => n.id !== args.id);
        return null;
      case "notifications_dismiss_all":
        server = [];
        return null;
      case "open_link":
        return null;
      default:
        throw { kind: "internal", message: `unexpected ${command}` };
    }
  });
});

const subjects = () => screen.getAllByTestId("notification-subject").map((s) => s.textContent?.trim());

describe("NotificationsPanel", () => {
  it("lists in the daemon's order with the rich subject as text and elements", async () => {
    render(NotificationsPanel);
    await waitFor(() => expect(subjects()).toEqual(["Bob shared Plan.ods with you", "Update available"]));
    const first = screen.getAllByTestId("notification")[0]!;
    expect(within(first).getByText("Plan.ods").tagName).toBe("A");
  });

  it("runs a POST action through Rust and drops the notification", async () => {
    render(NotificationsPanel);
    await waitFor(() => expect(subjects()).toHaveLength(2));
    await fireEvent.click(screen.getByText("Accept"));
    await waitFor(() => expect(subjects()).toEqual(["Update available"]));
    expect(invoke).toHaveBeenCalledWith("notification_action", { id: 7, index: 0 });
  });

  it("opens WEB actions and links in the browser instead", async () => {
    render(NotificationsPanel);
    await waitFor(() => expect(subjects()).toHaveLength(2));
    await fireEvent.click(screen.getByText("Details"));
    expect(invoke).toHaveBeenCalledWith("open_link", { url: "https://cloud.example/f/12" });
    expect(invoke).not.toHaveBeenCalledWith("notification_action", expect.anything());
    await fireEvent.click(within(screen.getAllByTestId("notification")[0]!).getByTestId("notification-open"));
    expect(invoke).toHaveBeenLastCalledWith("open_link", { url: "https://cloud.example/f/12" });
    expect(subjects()).toHaveLength(2);
  });

  it("shows why an action failed next to the notification and keeps it", async () => {
    render(NotificationsPanel);
    await waitFor(() => expect(subjects()).toHaveLength(2));
    invoke.mockRejectedValueOnce({ kind: "not_found", message: "Wrong share ID, share does not exist" });
    await fireEvent.click(screen.getByText("Accept"));
    const problem = await screen.findByTestId("notification-problem");
    expect(problem.textContent).toContain("Wrong share ID, share does not exist");
    expect(subjects()).toHaveLength(2);
  });

  it("dismisses one and all", async () => {
    render(NotificationsPanel);
    await waitFor(() => expect(subjects()).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId("notification-dismiss")[1]!);
    expect(invoke).toHaveBeenCalledWith("notification_dismiss", { id: 3 });
    await waitFor(() => expect(subjects()).toHaveLength(1));
    await fireEvent.click(screen.getByTestId("dismiss-all"));
    await screen.findByTestId("notifications-empty");
    expect(invoke).toHaveBeenCalledWith("notifications_dismiss_all", {});
  });

  it("reloads when the tray's poll changes the list", async () => {
    render(NotificationsPanel);
    await waitFor(() => expect(subjects()).toHaveLength(2));
    server = [notification(9, "Newest"), ...server];
    handlers.get("notifications-changed")!({ payload: null });
    await waitFor(() => expect(subjects()[0]).toBe("Newest"));
  });

  it("says why nothing could be loaded, and tries again", async () => {
    invoke.mockRejectedValueOnce({ kind: "no_account", message: "No account is signed in." });
    invoke.mockRejectedValueOnce({ kind: "no_account", message: "No account is signed in." });
    render(NotificationsPanel);
    const problem = await screen.findByTestId("notifications-problem");
    expect(problem.textContent).toContain("No account is signed in.");
    await fireEvent.click(screen.getByTestId("notifications-problem-retry"));
    await waitFor(() => expect(subjects()).toHaveLength(2));
  });
});
