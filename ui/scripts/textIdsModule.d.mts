export function messageIds(source: string): string[];
export function textIdsModule(source: string): string;
