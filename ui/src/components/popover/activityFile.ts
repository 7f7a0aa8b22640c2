// Which file an activity is about, when it can still be downloaded, and its previews worth
// showing.
import type { Activity, Preview } from "../../lib/generated/types";

const FOLDER = "httpd/unix-directory";

export interface ActivityFile {
  fileId: number;
  /** The file's name, without its folder. */
  name: string;
}

/**
 * The file a files activity is about, unless it is gone (deleted, or its preview points at the
 * trash bin) or a folder (the direct-download API serves files only).
 */
export function downloadableFile(activity: Activity): ActivityFile | null {
  if (activity.object_type !== "files" || activity.type === "file_deleted") return null;
  const fileId = activity.object_id;
  if (!fileId) return null;
  const preview = activity.previews.find((p) => p.fileId === fileId);
  if (preview && (preview.view === "trashbin" || preview.mimeType === FOLDER)) return null;
  const path = activity.object_name ?? activity.objects[String(fileId)] ?? "";
  return { fileId, name: path.split("/").pop() || path };
}

/** Real previews (not the generic icon of a type), at most `limit`. */
export function shownPreviews(activity: Activity, limit = 3): Preview[] {
  return activity.previews.filter((p) => !p.isMimeTypeIcon && p.source).slice(0, limit);
}

/** The file name a preview is of, for its text alternative. */
export function previewName(activity: Activity, preview: Preview): string {
  const path = activity.objects[String(preview.fileId)] ?? activity.object_name ?? "";
  return path.split("/").pop() || path;
}
