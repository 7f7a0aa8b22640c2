// The popover as a whole against a fake Rust side: the header, the tabs and the keyboard.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StatusView, UserMetadata } from "../lib/generated/types";

const handlers = new Map<string, (event: { payload: unknown }) => void>();
const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({
  listen: async (name: string, handler: (event: { payload: unknown }) => void) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

const { default: Popover } = await import("./Popover.svelte");

const user: UserMetadata = {
  user_id: "demo",
  display_name: "Demo User",
  email: null,
  quota_used: 1_610_612_736,
  quota_total: 10_737_418_240,
  quota_relative: 15,
  language: null,
  locale: null,
  timezone: null,
};

function snapshot(message: string | null, clearAt: number | null = null): StatusView {
  return {
    own: {
      message,
      predefined_id: null,
      icon: message ? "🏡" : null,
      clear_at: clearAt,
      status: "away",
    },
    predefined: [],
    backup: null,
  };
}

beforeEach(() => {
  handlers.clear();
  invoke.mockReset();
  invoke.mockImplementation(async (command: string) => {
    switch (command) {
      case "user_get":
        return user;
      case "status_get":
        return snapshot("Working remotely", Math.floor(Date.now() / 1000) + 3600);
      case "notifications_list":
      case "notifications_refresh":
      case "activity_filters":
      case "activity_page":
        return [];
      case "activity_load_newer":
      case "activity_load_older":
        return 0;
      case "open_window":
        return null;
      default:
        throw { kind: "internal", message: `unexpected ${command}` };
    }
  });
});

describe("Popover", () => {
  it("shows who is signed in: avatar, name, quota and status", async () => {
    render(Popover);
    await waitFor(() => expect(screen.getByTestId("display-name").textContent).toBe("Demo User"));
    expect(screen.getByTestId("avatar").getAttribute("src")).toBe("nctray-img://localhost/avatar/demo?size=64");
    expect(screen.getByTestId("quota-text").textContent).toMatch(/1\.5\s?GB.*10\s?GB/);
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("15");
    expect(screen.getByTestId("header-status").textContent).toContain("Away");
    expect(screen.getByTestId("header-status-message").textContent).toBe("🏡 Working remotely");
    expect(screen.getByTestId("header-status-clears").textContent).toContain("until");
  });

  it("follows status changes made elsewhere", async () => {
    render(Popover);
    await screen.findByTestId("header-status-message");
    handlers.get("status-changed")!({ payload: snapshot(null) });
    await waitFor(() => expect(screen.queryByTestId("header-status-message")).toBeNull());
  });

  it("opens the status editor and Talk", async () => {
    render(Popover);
    await fireEvent.click(screen.getByTestId("edit-status"));
    expect(invoke).toHaveBeenCalledWith("open_window", { name: "status" });
    await fireEvent.click(screen.getByTestId("open-talk"));
    expect(invoke).toHaveBeenCalledWith("open_window", { name: "chat" });
  });

  it("switches tabs with the arrow keys, Home and End", async () => {
    render(Popover);
    const notifications = screen.getByRole("tab", { name: /Notifications/ });
    const activity = screen.getByRole("tab", { name: /Activity/ });
    expect(notifications.getAttribute("aria-selected")).toBe("true");
    expect(activity.tabIndex).toBe(-1);
    expect(screen.queryByTestId("activity-panel")).toBeNull();

    notifications.focus();
    await fireEvent.keyDown(notifications, { key: "ArrowRight" });
    expect(activity.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(activity);
    expect(activity.tabIndex).toBe(0);
    const panel = document.getElementById(activity.getAttribute("aria-controls")!)!;
    expect(panel.getAttribute("role")).toBe("tabpanel");
    expect(panel.hidden).toBe(false);
    await screen.findByTestId("activity-panel");

    await fireEvent.keyDown(activity, { key: "ArrowRight" });
    expect(notifications.getAttribute("aria-selected")).toBe("true");
    await fireEvent.keyDown(notifications, { key: "End" });
    expect(document.activeElement).toBe(activity);
    await fireEvent.keyDown(activity, { key: "Home" });
    expect(document.activeElement).toBe(notifications);
    expect(panel.hidden).toBe(true);
  });

  it("says why the account could not be loaded, and tries again", async () => {
    const normal = invoke.getMockImplementation()!;
    let refused = false;
    invoke.mockImplementation(async (command: string, args: unknown) => {
      if (command === "user_get" && !refused) {
        refused = true;
        throw { kind: "no_account", message: "No account is signed in." };
      }
      return normal(command, args);
    });
    render(Popover);
    const problem = await screen.findByTestId("header-problem");
    expect(problem.textContent).toContain("No account is signed in.");
    await fireEvent.click(screen.getByTestId("header-problem-retry"));
    await waitFor(() => expect(screen.getByTestId("display-name").textContent).toBe("Demo User"));
  });
});
