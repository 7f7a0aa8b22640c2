// The commands of the Rust side, typed with the generated types. Errors arrive as
// `{kind, message}` (ErrorReport) and are rethrown as CommandError; a sign-in refused for a
// certificate the person may trust (SignInError) also carries that certificate.
import { invoke } from "@tauri-apps/api/core";
import type { CertificateInfo, ErrorReport } from "./generated/types";

export class CommandError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    /** With kind "untrusted_certificate": what the server showed. */
    readonly certificate: CertificateInfo | null = null,
  ) {
    super(message);
  }
}

function isReport(value: unknown): value is ErrorReport {
  return typeof value === "object" && value !== null && "kind" in value && "message" in value;
}

export async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isReport(error)) {
      const certificate = "certificate" in error ? (error.certificate as CertificateInfo | null) : null;
      throw new CommandError(error.kind, error.message, certificate ?? null);
    }
    throw new CommandError("internal", String(error));
  }
}

/** Event names the Rust side emits (src-tauri/src/ui_events.rs). */
export const events = {
  statusChanged: "status-changed",
  notificationsChanged: "notifications-changed",
  unreadChanged: "unread-changed",
  accountState: "account-state",
  accountSwitched: "account-switched",
  /** The chat window should take the waiting ChatTarget (src-tauri/src/chat_target.rs). */
  chatTarget: "chat-target",
  /** New messages of the watched room (talk.watch), a ChatNews. */
  chatNews: "chat-news",
  /** The language changed (settings or the Nextcloud user's), a LanguageView. */
  languageChanged: "language-changed",
} as const;
