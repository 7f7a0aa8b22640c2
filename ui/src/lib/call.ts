// Calling the daemon's commands (through the window process), typed with the generated types. Errors arrive as
// `{kind, message}` (ErrorReport) and are rethrown as CommandError; a sign-in refused for a
// certificate the person may trust (SignInError) also carries that certificate.
import { invoke } from "@tauri-apps/api/core";
import type { CertificateView, ErrorKind, ErrorReport } from "./generated/types";

export class CommandError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** With kind "untrusted_certificate": what the server showed. */
    readonly certificate: CertificateView | null = null,
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
      const certificate = "certificate" in error ? (error.certificate as CertificateView | null) : null;
      throw new CommandError(error.kind, error.message, certificate ?? null);
    }
    throw new CommandError("internal", String(error));
  }
}
