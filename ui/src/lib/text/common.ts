export const common = {
  "app.name": "nctray",
  "common.retry": "Try again",
  "common.close": "Close",
  "common.cancel": "Cancel",
  "common.save": "Save",
  "common.delete": "Delete",
  "common.loading": "Loading…",
} as const;
