export const common = {
  "app.name": "nctray",
  "common.retry": "Try again",
  "common.close": "Close",
  "common.cancel": "Cancel",
  "common.save": "Save",
  "common.delete": "Delete",
  "common.loading": "Loading…",
  "common.demo": "Demo",
  "common.demoBanner": "Demo: a simulated Nextcloud inside nctray. Nothing here is real or kept.",
} as const;
