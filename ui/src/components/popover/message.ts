// What went wrong, as text for the user: the Rust side's message (CommandError) or the
// error's own.

export function reason(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
