// Addresses of the server's images for <img src>: the webview never loads the server itself
// (it has no credentials, and the CSP allows images only from the app); Rust fetches each
// image with the account's credentials, same origin only (src-tauri/src/images.rs).

/** The `nctray-img:` protocol's base: Windows' webview reaches custom protocols over http. */
function base(): string {
  const windows = typeof navigator !== "undefined" && navigator.userAgent.includes("Windows");
  return windows ? "http://nctray-img.localhost" : "nctray-img://localhost";
}

/** The avatar of `userId`, at least `size` pixels wide. */
export function avatarUrl(userId: string, size = 64): string {
  return `${base()}/avatar/${encodeURIComponent(userId)}?size=${size}`;
}

/** An icon or preview the server linked to (an absolute URL on the server or a path). */
export function serverImageUrl(link: string): string {
  return `${base()}/fetch?url=${encodeURIComponent(link)}`;
}
