//! Activities as the popover shows them: one casing, rich text already cut into parts,
//! the previews worth showing and the file to download decided here.

use nextcloud::{Activity, ActivityFilter, Preview};
use serde::Serialize;

use crate::rich_text::{rich_or_plain, RichPart};
use crate::store::activities::Scope;

/// One entry of the popover's activity stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActivityView {
    pub id: i64,
    /// ISO 8601.
    pub datetime: String,
    pub app: String,
    /// `file_created`, `shared`, `spreed`, `calendar_event`…
    pub kind: String,
    /// Rich when the server sent it so, else its plain text as one part.
    pub subject: Vec<RichPart>,
    /// Empty when there is none.
    pub message: Vec<RichPart>,
    pub icon: Option<String>,
    pub link: Option<String>,
    /// Previews of its files worth showing (real images, not a type's icon), at most three.
    pub previews: Vec<ActivityPreview>,
    /// The file it is about, when it can still be downloaded.
    pub download: Option<ActivityFile>,
}

/// A preview image of a file an activity is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActivityPreview {
    pub file_id: i64,
    /// The image's address, fetched by the daemon with the account's credentials.
    pub source: String,
    /// Where the preview leads (opened in the browser).
    pub link: String,
    /// The file's name, without its folder (the image's text alternative).
    pub name: String,
}

/// A file of an activity that the direct-download API serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActivityFile {
    pub file_id: i64,
    /// Without its folder.
    pub name: String,
}

/// A filter the popover offers: one of the server's that the cache can apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActivityFilterChoice {
    /// What `activity_page` and `activity_search` take as their filter.
    pub id: String,
    /// Translated by the server, e.g. "File shares".
    pub name: String,
}

/// The server's filters the cache can apply (favourites live on the server, see
/// [`Scope::of_filter`]), in the server's order of priority.
pub fn filter_choices(filters: &[ActivityFilter]) -> Vec<ActivityFilterChoice> {
    let mut usable: Vec<&ActivityFilter> = filters
        .iter()
        .filter(|f| Scope::of_filter(&f.id, "").is_ok())
        .collect();
    usable.sort_by_key(|f| f.priority);
    usable
        .into_iter()
        .map(|f| ActivityFilterChoice {
            id: f.id.clone(),
            name: f.name.clone(),
        })
        .collect()
}

/// How many previews one entry shows.
const PREVIEWS_SHOWN: usize = 3;
const FOLDER: &str = "httpd/unix-directory";

impl From<&Activity> for ActivityView {
    fn from(a: &Activity) -> Self {
        let subject = rich_or_plain(
            Some(&a.subject_rich.template),
            &a.subject_rich.parameters,
            &a.subject,
        );
        let message = rich_or_plain(
            Some(&a.message_rich.template),
            &a.message_rich.parameters,
            a.message.as_deref().unwrap_or(""),
        );
        ActivityView {
            id: a.activity_id,
            datetime: a.datetime.clone(),
            app: a.app.clone(),
            kind: a.kind.clone(),
            subject,
            message,
            icon: a.icon.clone(),
            link: a.link.clone(),
            previews: shown_previews(a),
            download: downloadable_file(a),
        }
    }
}

fn shown_previews(a: &Activity) -> Vec<ActivityPreview> {
    a.previews
        .iter()
        .filter(|p| !p.is_mime_type_icon && !p.source.is_empty())
        .take(PREVIEWS_SHOWN)
        .map(|p| ActivityPreview {
            file_id: p.file_id,
            source: p.source.clone(),
            link: p.link.clone(),
            name: preview_name(a, p),
        })
        .collect()
}

fn preview_name(a: &Activity, preview: &Preview) -> String {
    let path = a
        .objects
        .get(&preview.file_id.to_string())
        .or(a.object_name.as_ref())
        .map_or("", String::as_str);
    file_name(path)
}

/// The file a files activity is about, unless it is gone (deleted, or its preview points at
/// the trash bin) or a folder (the direct-download API serves files only).
fn downloadable_file(a: &Activity) -> Option<ActivityFile> {
    if a.object_type.as_deref() != Some("files") || a.kind == "file_deleted" {
        return None;
    }
    let file_id = a.object_id.filter(|id| *id != 0)?;
    let preview = a.previews.iter().find(|p| p.file_id == file_id);
    if preview.is_some_and(|p| p.view == "trashbin" || p.mime_type == FOLDER) {
        return None;
    }
    let path = a
        .object_name
        .as_ref()
        .or_else(|| a.objects.get(&file_id.to_string()))
        .map_or("", String::as_str);
    Some(ActivityFile {
        file_id,
        name: file_name(path),
    })
}

/// The last part of a path (the path itself when that part is empty).
fn file_name(path: &str) -> String {
    match path.rsplit('/').next() {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich_text::texts;
    use serde_json::json;

    fn activity(value: serde_json::Value) -> Activity {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn the_filters_offered_are_those_the_cache_can_apply_by_priority() {
        let filter = |id: &str, priority: i64| ActivityFilter {
            id: id.into(),
            name: format!("{id} name"),
            icon: None,
            priority,
        };
        let choices = filter_choices(&[
            filter("files", 30),
            filter("all", 0),
            filter("files_favorites", 10),
            filter("self", 20),
        ]);
        let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["all", "self", "files"]);
        assert_eq!(choices[2].name, "files name");
    }

    #[test]
    fn an_activity_offers_a_file_that_still_exists_and_its_real_previews() {
        let preview = |id: i64, icon: bool, view: &str| {
            json!({"source": format!("https://cloud.example/p/{id}"), "link": "https://cloud.example/f",
                   "mimeType": "text/plain", "fileId": id, "view": view, "isMimeTypeIcon": icon})
        };
        let view = ActivityView::from(&activity(json!({
            "activity_id": 5, "type": "file_created", "subject": "You created a.txt",
            "subject_rich": ["You created {file}", {"file": {"type": "file", "id": "3", "name": "a.txt"}}],
            "object_type": "files", "object_id": 3, "object_name": "/docs/a.txt",
            "objects": {"3": "/docs/a.txt", "4": "/docs/b.txt", "5": "/c.txt", "6": "/d.txt"},
            "previews": [preview(3, false, "files"), preview(4, true, "files"),
                         preview(5, false, "files"), preview(6, false, "files"),
                         preview(7, false, "files")]
        })));
        assert_eq!(texts(&view.subject), ["You created ", "[a.txt]"]);
        assert!(view.message.is_empty());
        assert_eq!(
            view.download,
            Some(ActivityFile {
                file_id: 3,
                name: "a.txt".into()
            })
        );
        let previews: Vec<_> = view
            .previews
            .iter()
            .map(|p| (p.file_id, p.name.as_str()))
            .collect();
        assert_eq!(previews, [(3, "a.txt"), (5, "c.txt"), (6, "d.txt")]);

        let deleted = ActivityView::from(&activity(json!({
            "activity_id": 6, "type": "file_deleted", "subject": "gone",
            "object_type": "files", "object_id": 3, "object_name": "/a.txt"
        })));
        assert_eq!(deleted.download, None);
        let in_trash = ActivityView::from(&activity(json!({
            "activity_id": 7, "type": "file_changed", "subject": "x",
            "object_type": "files", "object_id": 3, "previews": [preview(3, false, "trashbin")]
        })));
        assert_eq!(in_trash.download, None);
        let folder = ActivityView::from(&activity(json!({
            "activity_id": 9, "type": "file_created", "subject": "x",
            "object_type": "files", "object_id": 4, "objects": {"4": "/Photos"},
            "previews": [{"source": "s", "link": "l", "mimeType": "httpd/unix-directory",
                          "fileId": 4, "view": "files", "isMimeTypeIcon": true}]
        })));
        assert_eq!(folder.download, None);
        let room = ActivityView::from(&activity(json!({
            "activity_id": 10, "type": "spreed", "subject": "x",
            "object_type": "room", "object_id": 4
        })));
        assert_eq!(room.download, None);
        let talk = ActivityView::from(&activity(
            json!({"activity_id": 8, "type": "spreed", "subject": "call"}),
        ));
        assert_eq!(
            (texts(&talk.subject), talk.download),
            (vec!["call".to_owned()], None)
        );
    }
}
