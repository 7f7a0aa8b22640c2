// Light or dark, and the server's theming colour as the accent. Set through the CSSOM, which
// the CSP allows (inline style attributes it does not).
import { app } from "./api/app";

export type Appearance = "system" | "light" | "dark";

export function setAppearance(appearance: Appearance, root: HTMLElement = document.documentElement) {
  root.dataset.theme = appearance;
}

/** A colour the server sent, accepted only as #rgb or #rrggbb. */
export function safeColour(colour: string | null | undefined): string | null {
  return colour && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : null;
}

export function setAccent(colour: string | null | undefined, root: HTMLElement = document.documentElement) {
  const accent = safeColour(colour);
  if (accent) root.style.setProperty("--accent", accent);
  else root.style.removeProperty("--accent");
}

export async function applyTheme() {
  setAppearance("system");
  try {
    const theme = await app.theme();
    setAppearance(theme.appearance as Appearance);
    setAccent(theme.color);
  } catch {
    // Without a theme the defaults are fine.
  }
}
