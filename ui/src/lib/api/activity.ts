import * as commands from "../generated/commands";

export const activity = {
  page: commands.activityPage,
  loadNewer: commands.activityLoadNewer,
  loadOlder: commands.activityLoadOlder,
  filters: commands.activityFilters,
  search: commands.activitySearch,
  download: commands.activityDownload,
};
