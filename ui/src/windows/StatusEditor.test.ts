import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { StatusView } from "../lib/generated/types";

const invoke = vi.fn();
let statusListener: ((event: { payload: StatusView }) => void) | null = null;

vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({
  listen: async (name: string, handler: (event: { payload: StatusView }) => void) => {
    if (name === "status-changed") statusListener = handler;
    return () => {};
  },
}));

const { default: StatusEditor } = await import("./StatusEditor.svelte");

function snapshot(overrides: Partial<StatusView> = {}): StatusView {
  return {
    own: {
      message: null,
      predefined_id: null,
      icon: null,
      clear_at: null,
      status: "online",
    },
    predefined: [
      { id: "meeting", icon: "📅", message: "In a meeting", clears: { kind: "after", seconds: 3600 } },
      { id: "vacationing", icon: "🌴", message: "Vacationing", clears: { kind: "never" } },
    ],
    backup: null,
    ...overrides,
  };
}

const inACall = snapshot({
  own: {
    message: "In a call",
    predefined_id: "call",
    icon: "💬",
    clear_at: null,
    status: "busy",
  },
  backup: { message: "Vacationing", icon: "🌴", status: "away" },
});

/** Answers commands from `answers`; a function answer gets the arguments. */
function serve(answers: Record<string, unknown>) {
  invoke.mockImplementation(async (command: string, args: unknown) => {
    if (!(command in answers)) throw { kind: "internal", message: `unexpected ${command}` };
    const answer = answers[command];
    return typeof answer === "function" ? answer(args) : answer;
  });
}

beforeEach(() => {
  invoke.mockReset();
  statusListener = null;
});

describe("StatusEditor", () => {
  it("shows the status the server has, after the cached one", async () => {
    serve({
      status_get: snapshot(),
      status_refresh: snapshot({ own: { ...snapshot().own!, status: "away" } }),
      presets_list: [],
    });
    render(StatusEditor);
    await waitFor(() => expect(screen.getByTestId("current-type").textContent).toBe("Away"));
    const away = screen.getByRole("radio", { name: "Away" }) as HTMLInputElement;
    expect(away.checked).toBe(true);
    expect(screen.getAllByRole("radio")).toHaveLength(5);
    expect(screen.getByTestId("predefined-meeting").textContent).toContain("1 hour");
  });

  it("sets a status at once when it is chosen", async () => {
    serve({
      status_get: snapshot(),
      status_refresh: snapshot(),
      presets_list: [],
      status_set: ({ status }: { status: "dnd" }) =>
        snapshot({ own: { ...snapshot().own!, status } }),
    });
    render(StatusEditor);
    const dnd = await screen.findByRole("radio", { name: /Do not disturb/ });
    await fireEvent.click(dnd);
    expect(invoke).toHaveBeenCalledWith("status_set", { status: "dnd" });
    await waitFor(() => expect(screen.getByTestId("current-type").textContent).toBe("Do not disturb"));
  });

  it("shows a failure as text and the server's status again", async () => {
    serve({
      status_get: snapshot(),
      status_refresh: snapshot(),
      presets_list: [],
      status_set: () => {
        throw { kind: "network", message: "the server cannot be reached" };
      },
    });
    render(StatusEditor);
    const away = (await screen.findByRole("radio", { name: "Away" })) as HTMLInputElement;
    await fireEvent.click(away);
    await waitFor(() =>
      expect(screen.getByTestId("status-error").textContent).toBe(
        "The status could not be changed: the server cannot be reached",
      ),
    );
    expect(away.checked).toBe(false);
    expect((screen.getByRole("radio", { name: "Online" }) as HTMLInputElement).checked).toBe(true);
  });

  it("offers the backup back, naming the automatic status and the previous one", async () => {
    serve({
      status_get: inACall,
      status_refresh: inACall,
      presets_list: [],
      status_restore: snapshot({ own: { ...snapshot().own!, status: "away" } }),
    });
    render(StatusEditor);
    const banner = await screen.findByTestId("restore-backup");
    expect(banner.textContent).toContain("Your status was set automatically (💬 In a call).");
    expect(banner.textContent).toContain("Restore: 🌴 Vacationing (Away)");
    await fireEvent.click(screen.getByTestId("restore-button"));
    expect(invoke).toHaveBeenCalledWith("status_restore", {});
    await waitFor(() => expect(screen.queryByTestId("restore-backup")).toBeNull());
  });

  it("follows status changes made elsewhere", async () => {
    serve({ status_get: snapshot(), status_refresh: snapshot(), presets_list: [] });
    render(StatusEditor);
    await screen.findByTestId("current-status");
    await waitFor(() => expect(statusListener).not.toBeNull());
    statusListener!({ payload: inACall });
    await waitFor(() => expect(screen.getByTestId("current-type").textContent).toBe("Busy"));
    expect(screen.getByTestId("restore-backup")).toBeTruthy();
  });

  it("renames a preset by saving the new name before removing the old", async () => {
    const focus = { name: "Focus", status: "dnd", icon: null, message: null, clear_after_secs: null };
    serve({
      status_get: snapshot(),
      status_refresh: snapshot(),
      presets_list: [focus],
      preset_save: null,
      preset_remove: null,
    });
    render(StatusEditor);
    await fireEvent.click(await screen.findByRole("button", { name: "Edit preset Focus" }));
    await fireEvent.input(screen.getByTestId("preset-name"), { target: { value: "Deep work" } });
    await fireEvent.click(screen.getByTestId("preset-save"));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith("preset_remove", { name: "Focus" }));
    const commands = invoke.mock.calls.map(([command]) => command);
    expect(commands.indexOf("preset_save")).toBeLessThan(commands.indexOf("preset_remove"));
    expect(invoke).toHaveBeenCalledWith("preset_save", { preset: { ...focus, name: "Deep work" } });
  });
});
