// The commands and events of the Rust side: the wrappers and event names are generated from the
// daemon's one list (generated/commands.ts); `call` and `CommandError` are in call.ts.
export { call, CommandError } from "./call";
export { events } from "./generated/commands";
