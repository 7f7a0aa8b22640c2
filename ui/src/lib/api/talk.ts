import { call } from "../ipc";
import type { ChatTarget } from "../generated/types";

export const talk = {
  /** The room (and message) the window should open, once (see chat_target.rs). */
  takeTarget: () => call<ChatTarget | null>("chat_take_target"),
};
