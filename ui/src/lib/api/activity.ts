import { call } from "../ipc";
import type { Activity, ActivityFilter } from "../generated/types";

export const activity = {
  page: (filter: string | null, before: number | null, limit: number) =>
    call<Activity[]>("activity_page", { filter, before, limit }),
  loadNewer: () => call<number>("activity_load_newer"),
  loadOlder: () => call<number>("activity_load_older"),
  filters: () => call<ActivityFilter[]>("activity_filters"),
  search: (filter: string | null, text: string, limit: number) =>
    call<Activity[]>("activity_search", { filter, text, limit }),
  download: (fileId: number) => call<void>("activity_download", { fileId }),
};
