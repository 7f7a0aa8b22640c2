export const popover = {
} as const;
