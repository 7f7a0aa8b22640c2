import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { CommandError } from "../../lib/ipc";
import type { AccountView, CertificateView } from "../../lib/generated/types";
import type { SignInApi } from "../../lib/api/accounts";
import { ENGLISH, showLanguage } from "../../lib/language.svelte";
import SignIn from "./SignIn.svelte";

const bob: AccountView = {
  key: "bob@http://127.0.0.1:4711",
  server: "http://127.0.0.1:4711",
  login_name: "bob",
  display_name: "Bob Builder",
  shown: false,
  primary: false,
  connection: "starting",
  problem: null,
  demo: false,
};

/** A sign-in API whose wait settles when the test says so. */
function fakeApi(unencrypted = false) {
  let settle: { resolve: (a: AccountView) => void; reject: (e: unknown) => void } | null = null;
  const api = {
    start: vi.fn(async (_server: string, _trustedCertificate: string | null = null) => ({
      login_url: "http://127.0.0.1:4711/index.php/login/v2/flow/abc",
      expires_in_secs: 1200,
      unencrypted,
    })),
    wait: vi.fn(
      () =>
        new Promise<AccountView>((resolve, reject) => {
          settle = { resolve, reject };
        }),
    ),
    cancel: vi.fn(async () => settle?.reject(new CommandError("cancelled", "Sign-in cancelled."))),
    reopen: vi.fn(async () => {}),
  } satisfies SignInApi;
  return { api, settle: () => settle! };
}

async function begin(api: SignInApi, demoServer: string | null = null) {
  const onadded = vi.fn();
  render(SignIn, { props: { api, demoServer, onadded } });
  await fireEvent.input(screen.getByTestId("server-input"), {
    target: { value: "http://127.0.0.1:4711" },
  });
  await fireEvent.click(screen.getByTestId("sign-in-start"));
  await screen.findByTestId("sign-in-waiting");
  return onadded;
}

describe("SignIn", () => {
  it("warns while waiting when the address travels unencrypted", async () => {
    const { api } = fakeApi(true);
    await begin(api);
    const warning = screen.getByTestId("sign-in-unencrypted");
    expect(warning.getAttribute("role")).toBe("alert");
    expect(warning.textContent).toContain("unencrypted");
  });

  it("does not warn for https or this machine", async () => {
    const { api } = fakeApi(false);
    await begin(api);
    expect(screen.queryByTestId("sign-in-unencrypted")).toBeNull();
  });

  it("starts at the typed server, shows the wait with its expiry, and reports the account", async () => {
    const { api, settle } = fakeApi();
    const onadded = await begin(api);
    expect(api.start).toHaveBeenCalledWith("http://127.0.0.1:4711", null);
    expect(screen.getByTestId("sign-in-countdown").textContent).toContain("20:00");
    expect(screen.getByTestId("sign-in-url").textContent).toContain("/login/v2/flow/abc");
    expect(document.activeElement).toBe(screen.getByTestId("sign-in-cancel"));

    settle().resolve(bob);
    await waitFor(() => expect(onadded).toHaveBeenCalledWith(bob));
    expect(screen.getByTestId("sign-in-notice").textContent).toBe("Signed in as Bob Builder.");
    expect((screen.getByTestId("server-input") as HTMLInputElement).value).toBe("");
  });

  it("can be cancelled with the button or Escape", async () => {
    const { api } = fakeApi();
    await begin(api);
    await fireEvent.keyDown(screen.getByTestId("sign-in-waiting"), { key: "Escape" });
    expect(api.cancel).toHaveBeenCalledOnce();
    await screen.findByTestId("sign-in-form");
    expect(screen.getByTestId("sign-in-notice").textContent).toBe("Sign-in cancelled.");
  });

  it("says clearly when the 20 minutes passed and offers to start again", async () => {
    const { api, settle } = fakeApi();
    await begin(api);
    settle().reject(new CommandError("expired", "The sign-in expired"));
    const expired = await screen.findByTestId("sign-in-expired");
    expect(expired.textContent).toContain("not approved within 20 minutes");
    await fireEvent.click(screen.getByRole("button", { name: "Sign in again" }));
    expect(api.start).toHaveBeenCalledTimes(2);
    await screen.findByTestId("sign-in-waiting");
  });

  it("shows why the sign-in could not start", async () => {
    const { api } = fakeApi();
    api.start.mockRejectedValueOnce(new CommandError("network", "Cannot reach http://nope/."));
    render(SignIn, { props: { api, demoServer: null, onadded: vi.fn() } });
    await fireEvent.input(screen.getByTestId("server-input"), { target: { value: "nope" } });
    await fireEvent.click(screen.getByTestId("sign-in-start"));
    const error = await screen.findByTestId("sign-in-error");
    expect(error.textContent).toBe("Sign-in failed: Cannot reach http://nope/.");
    expect(api.wait).not.toHaveBeenCalled();
  });

  it("opens the login page again on request", async () => {
    const { api } = fakeApi();
    await begin(api);
    await fireEvent.click(screen.getByTestId("sign-in-reopen"));
    expect(api.reopen).toHaveBeenCalledOnce();
  });

  it("offers the demo server in demo mode", async () => {
    const { api } = fakeApi();
    render(SignIn, { props: { api, demoServer: "http://127.0.0.1:9999", onadded: vi.fn() } });
    const start = screen.getByTestId("sign-in-start") as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("sign-in-demo"));
    expect((screen.getByTestId("server-input") as HTMLInputElement).value).toBe(
      "http://127.0.0.1:9999",
    );
    expect(start.disabled).toBe(false);
  });

  describe("a server with a certificate the system does not trust", () => {
    const selfSigned: CertificateView = {
      subject: "CN=cloud.home.example",
      issuer: "CN=cloud.home.example",
      not_before: "2025-01-01 00:00 UTC",
      not_after: "2027-01-01 00:00 UTC",
      fingerprint: "SHA256:" + Array(32).fill("AB").join(":"),
    };

    function untrusted(certificate: CertificateView | null = selfSigned) {
      return new CommandError(
        "untrusted_certificate",
        "https://cloud.home.example/: the server's certificate is signed by an unknown authority.",
        certificate,
      );
    }

    async function typeAndStart() {
      await fireEvent.input(screen.getByTestId("server-input"), {
        target: { value: "https://cloud.home.example" },
      });
      await fireEvent.click(screen.getByTestId("sign-in-start"));
    }

    it("shows who the certificate is for, who signed it, when it is valid and its fingerprint", async () => {
      const { api } = fakeApi();
      api.start.mockRejectedValueOnce(untrusted());
      showLanguage({ ...ENGLISH, locale: "en-GB", time_zone: "UTC" });
      render(SignIn, { props: { api, demoServer: null, onadded: vi.fn() } });
      await typeAndStart();
      const shown = await screen.findByTestId("sign-in-untrusted");
      expect(shown.textContent).toContain("not trusted");
      expect(screen.getByTestId("certificate-subject").textContent).toBe("CN=cloud.home.example");
      expect(screen.getByTestId("certificate-issuer").textContent).toBe("CN=cloud.home.example");
      expect(screen.getByTestId("certificate-valid-from").textContent).toBe("1 January 2025 at 00:00 UTC");
      expect(screen.getByTestId("certificate-valid-until").textContent).toBe("1 January 2027 at 00:00 UTC");
      expect(screen.getByTestId("certificate-fingerprint").textContent).toBe(selfSigned.fingerprint);
      // Not trusting is the default: the focused button.
      expect(document.activeElement).toBe(screen.getByTestId("sign-in-dont-trust"));
      expect(api.wait).not.toHaveBeenCalled();
      showLanguage(ENGLISH);
    });

    it("trusts exactly the certificate shown, and then waits for the approval", async () => {
      const { api } = fakeApi();
      api.start.mockRejectedValueOnce(untrusted());
      render(SignIn, { props: { api, demoServer: null, onadded: vi.fn() } });
      await typeAndStart();
      await fireEvent.click(await screen.findByText("Trust this certificate for this account"));
      expect(api.start).toHaveBeenLastCalledWith("https://cloud.home.example", selfSigned.fingerprint);
      await screen.findByTestId("sign-in-waiting");
      expect(api.wait).toHaveBeenCalledOnce();
    });

    it("goes back to the address without trusting anything", async () => {
      const { api } = fakeApi();
      api.start.mockRejectedValueOnce(untrusted());
      render(SignIn, { props: { api, demoServer: null, onadded: vi.fn() } });
      await typeAndStart();
      await fireEvent.click(await screen.findByTestId("sign-in-dont-trust"));
      await screen.findByTestId("sign-in-form");
      expect(api.start).toHaveBeenCalledOnce();
      expect(api.start).toHaveBeenCalledWith("https://cloud.home.example", null);
    });

    it("offers no trust for a certificate problem without details", async () => {
      const { api } = fakeApi();
      api.start.mockRejectedValueOnce(
        new CommandError("certificate", "https://x/: the server's certificate was refused: bad signature."),
      );
      render(SignIn, { props: { api, demoServer: null, onadded: vi.fn() } });
      await typeAndStart();
      const error = await screen.findByTestId("sign-in-error");
      expect(error.textContent).toContain("bad signature");
      expect(screen.queryByTestId("sign-in-trust")).toBeNull();
    });
  });
});
