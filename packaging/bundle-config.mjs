// Writes src-tauri/tauri.conf.json for Tauri's bundler: the repository's tauri.conf.json with
// packaging/tauri.bundle.json merged over it. The bundler takes the folder of its config as
// the Rust crate to package, and ours lives at the repository root beside a workspace
// Cargo.toml, so scripts/package.sh runs it in src-tauri/ with this generated file (paths in
// tauri.bundle.json are relative to src-tauri/). Objects merge, everything else is replaced.
import { readFileSync, writeFileSync } from "node:fs";

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const merge = (base, over) => {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isObject(value) && isObject(base[key]) ? merge(base[key], value) : value;
  }
  return out;
};

const merged = merge(read("../tauri.conf.json"), read("./tauri.bundle.json"));
writeFileSync(new URL("../src-tauri/tauri.conf.json", import.meta.url), JSON.stringify(merged, null, 2) + "\n");
