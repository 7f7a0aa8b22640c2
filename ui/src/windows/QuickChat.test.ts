// The window as a whole against a fake Rust side: commands answered by `invoke`, events
// delivered through the captured `listen` handlers.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ChatNews, ChatTarget, RoomDetails, UnreadCounts } from "../lib/generated/types";
import { entry, room } from "../components/chat/testData";

const handlers = new Map<string, (event: { payload: unknown }) => void>();
const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({
  listen: async (name: string, handler: (event: { payload: unknown }) => void) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

const { default: QuickChat } = await import("./QuickChat.svelte");

const details = (token: string, name: string): RoomDetails => ({
  token,
  name,
  kind: "group",
  description: "",
  favorite: false,
  notification_level: "mention",
  has_password: false,
  guests_allowed: false,
  can_moderate: true,
  can_rename: true,
  can_leave: true,
  can_delete: true,
  read_only: false,
  has_call: false,
  own_id: "admin",
});

let target: ChatTarget | null;
let rooms = [room("team", "Team", { last_activity: 10, unread_messages: 2 }), room("other", "Other", { last_activity: 5 })];

function emit(name: string, payload: unknown) {
  handlers.get(name)?.({ payload });
}

beforeEach(() => {
  handlers.clear();
  target = null;
  rooms = [room("team", "Team", { last_activity: 10, unread_messages: 2 }), room("other", "Other", { last_activity: 5 })];
  invoke.mockReset();
  invoke.mockImplementation(async (command: string, args: Record<string, unknown>) => {
    switch (command) {
      case "talk_rooms":
      case "talk_refresh_rooms":
        return rooms;
      case "chat_take_target": {
        const taken = target;
        target = null;
        return taken;
      }
      case "talk_room":
        return details(args.token as string, args.token === "team" ? "Team" : "Other");
      case "talk_history":
        return [entry(1, "{actor} created the conversation", { system_message: "conversation_created" }), entry(2, "hello"), entry(3, "lunch?")];
      case "talk_mark_read":
        // As the daemon does: the cached room is read from now on.
        rooms = rooms.map((r) => (r.token === args.token ? { ...r, unread_messages: 0, unread_mention: false } : r));
        return { rooms: [], total_unread: 0, total_mentions: 0, awaiting_answer: 0 };
      case "talk_send":
        return entry(10, args.text as string, { actor_id: "admin", author: "Admin" });
      default:
        return null;
    }
  });
});

const commands = () => invoke.mock.calls.map((call) => call[0]);

describe("QuickChat", () => {
  it("opens a room: history, live watch, read marker", async () => {
    render(QuickChat);
    await waitFor(() => expect(screen.getAllByTestId("room")).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId("room")[0]);
    await waitFor(() => expect(screen.getByTestId("room-title").textContent).toBe("Team"));
    expect(screen.getAllByTestId("message").map((m) => m.dataset.id)).toEqual(["1", "2", "3"]);
    expect(screen.getByTestId("history-start")).toBeTruthy();
    expect(commands()).toContain("talk_watch");
    await waitFor(() => expect(commands()).toContain("talk_mark_read"));
    await waitFor(() => expect(screen.getAllByTestId("room")[0].querySelector("[data-testid=room-unread]")).toBeNull());
  });

  it("shows messages of the open room from chat-news, once each, and ignores other rooms", async () => {
    render(QuickChat);
    await waitFor(() => expect(screen.getAllByTestId("room")).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId("room")[0]);
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(3));
    const news: ChatNews = {
      token: "team",
      added: [entry(4, "<script>alert(1)</script> from carol", { actor_id: "carol", author: "Carol" })],
      updated: [entry(3, "lunch?", { reactions: [{ emoji: "👍", count: 1, mine: false }] })],
    };
    emit("chat-news", news);
    emit("chat-news", news);
    emit("chat-news", { token: "other", added: [entry(99, "elsewhere")], updated: [] });
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(4));
    const last = screen.getAllByTestId("message")[3];
    expect(last.querySelector("[data-testid=message-text]")?.textContent?.trim()).toBe("<script>alert(1)</script> from carol");
    expect(screen.getAllByTestId("reaction")).toHaveLength(1);
    expect(screen.getAllByTestId("room-name")[0].textContent).toContain("Team");
  });

  it("follows unread-changed", async () => {
    render(QuickChat);
    await waitFor(() => expect(screen.getAllByTestId("room")).toHaveLength(2));
    rooms = [room("team", "Team", { last_activity: 10 }), room("other", "Other", { last_activity: 5, unread_messages: 7, unread_mention: true })];
    const counts: UnreadCounts = { rooms: [{ token: "other", name: "Other", unread: 7, mentioned: true }], total_unread: 7, total_mentions: 1, awaiting_answer: 1 };
    emit("unread-changed", counts);
    await waitFor(() => {
      const other = screen.getAllByTestId("room")[1];
      expect(other.querySelector("[data-testid=room-unread]")?.textContent).toBe("7");
      expect(other.querySelector("[data-testid=room-mention]")).not.toBeNull();
    });
    expect(screen.getAllByTestId("room")[0].querySelector("[data-testid=room-unread]")).toBeNull();
  });

  it("opens the room and message of a chat target, ready to reply", async () => {
    target = { token: "team", message_id: 2, reply: true };
    render(QuickChat);
    await waitFor(() => expect(screen.getByTestId("room-title").textContent).toBe("Team"));
    await waitFor(() => expect(screen.getByTestId("composer-reply").textContent).toContain("hello"));
    expect(document.activeElement).toBe(screen.getByTestId("composer-input"));
    expect(screen.getAllByTestId("message")[1].classList.contains("highlighted")).toBe(true);

    target = { token: "other", message_id: null, reply: false };
    emit("chat-target", target);
    await waitFor(() => expect(screen.getByTestId("room-title").textContent).toBe("Other"));
    expect(screen.queryByTestId("composer-reply")).toBeNull();
  });

  it("sends a reply and shows the sent message", async () => {
    render(QuickChat);
    await waitFor(() => expect(screen.getAllByTestId("room")).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId("room")[0]);
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(3));
    await fireEvent.click(screen.getAllByTestId("message-reply")[1]);
    const input = screen.getByTestId("composer-input") as HTMLTextAreaElement;
    await fireEvent.input(input, { target: { value: "at noon" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(4));
    const send = invoke.mock.calls.find((call) => call[0] === "talk_send");
    expect(send?.[1]).toEqual({ token: "team", text: "at noon", replyTo: 3 });
    expect(screen.queryByTestId("composer-reply")).toBeNull();
  });

  it("keeps a reply chosen while the previous message was still being sent", async () => {
    let deliver: () => void = () => {};
    const plain = invoke.getMockImplementation()!;
    invoke.mockImplementation(async (command: string, args: Record<string, unknown>) => {
      if (command !== "talk_send") return plain(command, args);
      await new Promise<void>((resolve) => (deliver = resolve));
      return entry(10, args.text as string, { actor_id: "admin", author: "Admin" });
    });
    render(QuickChat);
    await waitFor(() => expect(screen.getAllByTestId("room")).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId("room")[0]);
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(3));
    const input = screen.getByTestId("composer-input") as HTMLTextAreaElement;
    await fireEvent.input(input, { target: { value: "first" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await fireEvent.click(screen.getAllByTestId("message-reply")[0]);
    deliver();
    await waitFor(() => expect(screen.getAllByTestId("message")).toHaveLength(4));
    expect(screen.getByTestId("composer-reply").textContent).toContain("hello");
  });
});
