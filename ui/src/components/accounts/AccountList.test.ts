import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { AccountView } from "../../lib/generated/types";
import AccountList from "./AccountList.svelte";

function account(login: string, change: Partial<AccountView> = {}): AccountView {
  return {
    key: `${login}@https://cloud.example`,
    server: "https://cloud.example",
    login_name: login,
    display_name: null,
    shown: false,
    primary: false,
    connection: "online",
    problem: null,
    demo: false,
    ...change,
  };
}

function renderList(accounts: AccountView[]) {
  const handlers = {
    onswitch: vi.fn(),
    onpause: vi.fn(),
    onremove: vi.fn(async (_key: string) => {}),
  };
  render(AccountList, { props: { accounts, ...handlers } });
  return handlers;
}

describe("AccountList", () => {
  it("says when there is no account", () => {
    renderList([]);
    expect(screen.getByTestId("no-accounts")).toBeTruthy();
  });

  it("shows each account with its state and which one the windows and the tray show", () => {
    renderList([
      account("alice", { display_name: "Alice", shown: true, primary: true }),
      account("bob", { connection: "offline", problem: "Could not reach the server" }),
    ]);
    const [alice, bob] = screen.getAllByTestId("account");
    expect(within(alice).getByTestId("account-name").textContent).toBe("Alice");
    expect(alice.textContent).toContain("Shown in the windows");
    expect(alice.textContent).toContain("Tray icon");
    expect(within(alice).queryByTestId("account-show")).toBeNull();
    expect(within(bob).getByTestId("account-name").textContent).toBe("bob");
    expect(within(bob).getByTestId("account-connection").textContent).toBe("Offline");
    expect(bob.textContent).toContain("Could not reach the server");
  });

  it("switches, pauses and resumes", async () => {
    const handlers = renderList([account("alice", { shown: true }), account("bob", { connection: "paused" })]);
    const [alice, bob] = screen.getAllByTestId("account");
    await fireEvent.click(within(bob).getByTestId("account-show"));
    expect(handlers.onswitch).toHaveBeenCalledWith("bob@https://cloud.example");
    await fireEvent.click(within(alice).getByTestId("account-pause"));
    expect(handlers.onpause).toHaveBeenCalledWith("alice@https://cloud.example", true);
    const resume = within(bob).getByTestId("account-pause");
    expect(resume.textContent).toBe("Resume");
    expect(resume.getAttribute("aria-pressed")).toBe("true");
    await fireEvent.click(resume);
    expect(handlers.onpause).toHaveBeenCalledWith("bob@https://cloud.example", false);
  });

  it("removes only after a confirmation, which can be cancelled", async () => {
    const handlers = renderList([account("alice")]);
    await fireEvent.click(screen.getByTestId("account-remove"));
    expect(handlers.onremove).not.toHaveBeenCalled();
    const confirm = screen.getByTestId("account-remove-confirm");
    expect(document.activeElement).toBe(confirm);
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("account-remove-confirm")).toBeNull();

    await fireEvent.click(screen.getByTestId("account-remove"));
    await fireEvent.click(screen.getByTestId("account-remove-confirm"));
    expect(handlers.onremove).toHaveBeenCalledWith("alice@https://cloud.example");
  });
});
