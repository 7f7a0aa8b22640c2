// Writes src/lib/generated/textIds.ts from the English catalogue (locales/en/ui.ftl), so
// that t() accepts exactly the ids English has: `npm run text-ids` after changing it.
// src/lib/catalogues.test.ts fails while the written file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { textIdsModule } from "./textIdsModule.mjs";

const english = fileURLToPath(new URL("../../locales/en/ui.ftl", import.meta.url));
const target = fileURLToPath(new URL("../src/lib/generated/textIds.ts", import.meta.url));
writeFileSync(target, textIdsModule(readFileSync(english, "utf8")));
console.log(`wrote ${target}`);
