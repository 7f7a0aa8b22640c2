import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

// The bundle is embedded into the binary by tauri (frontendDist = ui/dist): no dev server,
// no inline script, so the strict CSP in tauri.conf.json holds.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  // The catalogues live at the repository's root (locales/, shared with the Rust side); vite
  // reads only files inside the allowed folders (the tests' transform honours it too).
  server: { fs: { allow: [".", "../locales"] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Inlined assets would need data: in the CSP.
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});
