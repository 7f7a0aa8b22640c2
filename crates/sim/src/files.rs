//! A tiny file tree per user: enough for WebDAV listings with `oc:fileid` (076), direct
//! download links (077–079), shares (080) and the `files` activities that changes create.
//!
//! File ids are global, like the server's file cache. admin's home has the ids of fixture 076
//! (home 2, `Photos` 3, `Documents` 13, `Templates` 18, the skeleton files 62–66, and
//! `fixture-1.txt`…`fixture-3.txt` 187–189 with `hello N\n`); every other user gets a small
//! skeleton with fresh ids. Big skeleton files (the intro video, the PDF) have their recorded
//! size but no stored bytes: downloading them yields that many zero bytes.

use crate::capabilities::md5_hex;
use crate::state::Inner;

/// The first id handed out after admin's recorded tree.
const FIRST_FREE_ID: i64 = 191;

#[derive(Debug, Clone)]
pub(crate) struct FileNode {
    pub id: i64,
    pub owner: String,
    /// Absolute inside the owner's home: `/` for the home itself, `/Photos/Library.jpg`.
    pub path: String,
    pub is_dir: bool,
    /// Stored bytes; `None` for a big skeleton file that is only `size` zero bytes.
    pub content: Option<Vec<u8>>,
    pub size: u64,
    pub mtime: i64,
    /// Unquoted, as the file cache stores it.
    pub etag: String,
}

impl FileNode {
    /// The last path segment (`""` for the home).
    pub(crate) fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or_default()
    }

    /// The folder the node is in (`/` for top-level entries and the home itself).
    pub(crate) fn dir(&self) -> &str {
        match self.path.rfind('/') {
            Some(0) | None => "/",
            Some(at) => &self.path[..at],
        }
    }

    pub(crate) fn mime(&self) -> &'static str {
        if self.is_dir {
            return "httpd/unix-directory";
        }
        mime_of(self.name())
    }

    /// The bytes a download serves.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        self.content
            .clone()
            .unwrap_or_else(|| vec![0; usize::try_from(self.size).unwrap_or(0)])
    }
}

/// The MIME type the server derives from a file name.
pub(crate) fn mime_of(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("txt") => "text/plain",
        Some("md") => "text/markdown",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("mp4") => "video/mp4",
        Some("pdf") => "application/pdf",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        Some("ods") => "application/vnd.oasis.opendocument.spreadsheet",
        Some("odp") => "application/vnd.oasis.opendocument.presentation",
        Some("odg") => "application/vnd.oasis.opendocument.graphics",
        Some("whiteboard") => "application/vnd.excalidraw+json",
        _ => "application/octet-stream",
    }
}

/// One recorded node: (id, path, folder, stored bytes, size when no bytes are stored).
type Entry<'a> = (i64, &'a str, bool, Option<&'a [u8]>, u64);

/// Every user's files.
#[derive(Debug)]
pub(crate) struct Files {
    nodes: Vec<FileNode>,
    next_id: i64,
    /// Makes each new ETag different even within one second.
    changes: u64,
}

impl Default for Files {
    fn default() -> Self {
        Files {
            nodes: Vec::new(),
            next_id: FIRST_FREE_ID,
            changes: 0,
        }
    }
}

/// What [`Files::write`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    Created(i64),
    Changed(i64),
}

impl Written {
    pub(crate) fn id(self) -> i64 {
        match self {
            Written::Created(id) | Written::Changed(id) => id,
        }
    }
}

impl Files {
    /// Gives `owner` a home with the skeleton files, unless they have one.
    pub(crate) fn ensure_home(&mut self, owner: &str, now: i64) {
        if self.nodes.iter().any(|n| n.owner == owner) {
            return;
        }
        if owner == "admin" {
            self.seed_admin(now);
            return;
        }
        let add = |files: &mut Files, path: &str, is_dir: bool, content: &[u8]| {
            let id = files.next_id;
            files.next_id += 1;
            files.insert(owner, id, path, is_dir, Some(content.to_vec()), now);
        };
        add(self, "/", true, b"");
        add(self, "/Documents", true, b"");
        add(self, "/Photos", true, b"");
        add(self, "/Templates", true, b"");
        add(self, "/Readme.md", false, README);
        add(self, "/Documents/Welcome.md", false, b"# Welcome\n");
    }

    /// admin's tree as fixture 076 (and the activity fixtures) show it.
    fn seed_admin(&mut self, now: i64) {
        // (id, path, folder, stored bytes, size of a big file without stored bytes)
        let entries: [Entry<'_>; 16] = [
            (2, "/", true, Some(b""), 0),
            (3, "/Photos", true, Some(b""), 0),
            (4, "/Photos/Nextcloud community.jpg", false, None, 797_325),
            (5, "/Photos/Library.jpg", false, None, 2_031_911),
            (13, "/Documents", true, Some(b""), 0),
            (18, "/Templates", true, Some(b""), 0),
            (62, "/Nextcloud intro.mp4", false, None, 3_963_036),
            (63, "/Nextcloud.png", false, None, 50_598),
            (64, "/Templates credits.md", false, None, 3_168),
            (65, "/Reasons to use Nextcloud.pdf", false, None, 976_625),
            (66, "/Readme.md", false, Some(README), 0),
            (73, "/test-upload.txt", false, Some(b"test upload\n"), 0),
            (187, "/fixture-1.txt", false, Some(b"hello 1\n"), 0),
            (188, "/fixture-2.txt", false, Some(b"hello 2\n"), 0),
            (189, "/fixture-3.txt", false, Some(b"hello 3\n"), 0),
            (190, "/fixture-folder", true, Some(b""), 0),
        ];
        for (id, path, is_dir, content, size) in entries {
            self.insert("admin", id, path, is_dir, content.map(<[u8]>::to_vec), now);
            if content.is_none() {
                if let Some(node) = self.nodes.last_mut() {
                    node.size = size;
                }
            }
        }
    }

    fn insert(
        &mut self,
        owner: &str,
        id: i64,
        path: &str,
        is_dir: bool,
        content: Option<Vec<u8>>,
        now: i64,
    ) {
        let size = content.as_ref().map_or(0, |c| c.len() as u64);
        let mut node = FileNode {
            id,
            owner: owner.to_owned(),
            path: path.to_owned(),
            is_dir,
            content,
            size,
            mtime: now,
            etag: String::new(),
        };
        node.etag = self.new_etag(&node);
        self.nodes.push(node);
    }

    /// Files get a 32-digit ETag, folders a 13-digit one, as in fixture 076.
    fn new_etag(&mut self, node: &FileNode) -> String {
        self.changes += 1;
        let hash = md5_hex(
            format!("{}:{}:{}:{}", node.id, node.mtime, node.size, self.changes).as_bytes(),
        );
        if node.is_dir {
            hash[..13].to_owned()
        } else {
            hash
        }
    }

    pub(crate) fn by_id(&self, id: i64) -> Option<&FileNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub(crate) fn find(&self, owner: &str, path: &str) -> Option<&FileNode> {
        let path = normalise(path);
        self.nodes
            .iter()
            .find(|n| n.owner == owner && n.path == path)
    }

    /// The direct children of a folder, sorted by name like Sabre lists them.
    pub(crate) fn children(&self, owner: &str, dir: &str) -> Vec<&FileNode> {
        let dir = normalise(dir);
        let mut children: Vec<&FileNode> = self
            .nodes
            .iter()
            .filter(|n| n.owner == owner && n.path != "/" && n.dir() == dir)
            .collect();
        children.sort_by(|a, b| a.name().cmp(b.name()));
        children
    }

    /// Creates or replaces a file (missing parent folders are created); `None` when a folder
    /// is in the way.
    pub(crate) fn write(
        &mut self,
        owner: &str,
        path: &str,
        content: &[u8],
        now: i64,
    ) -> Option<Written> {
        let path = normalise(path);
        if path == "/" {
            return None;
        }
        self.ensure_home(owner, now);
        // Parent folders first.
        let mut parent = String::new();
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        for segment in &segments[..segments.len() - 1] {
            parent.push('/');
            parent.push_str(segment);
            match self.find(owner, &parent) {
                Some(node) if !node.is_dir => return None,
                Some(_) => {}
                None => {
                    let id = self.allocate();
                    self.insert(owner, id, &parent, true, Some(Vec::new()), now);
                }
            }
        }
        let written = match self.index(owner, &path) {
            Some(at) if self.nodes[at].is_dir => return None,
            Some(at) => {
                let mut node = self.nodes[at].clone();
                node.content = Some(content.to_vec());
                node.size = content.len() as u64;
                node.mtime = now;
                node.etag = self.new_etag(&node);
                let id = node.id;
                self.nodes[at] = node;
                Written::Changed(id)
            }
            None => {
                let id = self.allocate();
                self.insert(owner, id, &path, false, Some(content.to_vec()), now);
                Written::Created(id)
            }
        };
        self.touch_parents(owner, &path, now);
        Some(written)
    }

    /// Removes a file or folder (with everything in it); the removed nodes, the node itself
    /// first.
    pub(crate) fn delete(&mut self, owner: &str, path: &str, now: i64) -> Vec<FileNode> {
        let path = normalise(path);
        if path == "/" {
            return Vec::new();
        }
        let prefix = format!("{path}/");
        let (removed, kept): (Vec<FileNode>, Vec<FileNode>) = std::mem::take(&mut self.nodes)
            .into_iter()
            .partition(|n| n.owner == owner && (n.path == path || n.path.starts_with(&prefix)));
        self.nodes = kept;
        if !removed.is_empty() {
            self.touch_parents(owner, &path, now);
        }
        removed
    }

    fn allocate(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    fn index(&self, owner: &str, path: &str) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.owner == owner && n.path == path)
    }

    /// A change inside a folder gives it and every folder above it a new ETag.
    fn touch_parents(&mut self, owner: &str, path: &str, now: i64) {
        let mut dir = path.to_owned();
        while dir != "/" {
            dir = match dir.rfind('/') {
                Some(0) | None => "/".to_owned(),
                Some(at) => dir[..at].to_owned(),
            };
            if let Some(at) = self.index(owner, &dir) {
                let mut node = self.nodes[at].clone();
                node.mtime = now;
                node.etag = self.new_etag(&node);
                self.nodes[at] = node;
            }
        }
    }
}

/// `/a//b/` → `/a/b`; always starts with `/`.
pub(crate) fn normalise(path: &str) -> String {
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    format!("/{}", parts.join("/"))
}

/// The user's home, created on first use.
pub(crate) fn home(inner: &mut Inner, owner: &str) {
    let now = inner.now();
    inner.files.ensure_home(owner, now);
}

const README: &[u8] =
    b"# Welcome to Nextcloud!\n\nThis is a simulated Nextcloud. Files you put here \
are kept in memory only and vanish when the simulator stops.\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_has_the_recorded_ids() {
        let mut files = Files::default();
        files.ensure_home("admin", 0);
        assert_eq!(files.find("admin", "/").unwrap().id, 2);
        assert_eq!(files.find("admin", "fixture-1.txt").unwrap().id, 187);
        assert_eq!(files.by_id(187).unwrap().bytes(), b"hello 1\n");
        assert_eq!(files.by_id(62).unwrap().size, 3_963_036);
        let names: Vec<&str> = files
            .children("admin", "/")
            .iter()
            .map(|n| n.name())
            .collect();
        assert!(names.starts_with(&["Documents", "Nextcloud intro.mp4", "Nextcloud.png"]));
        assert_eq!(files.by_id(13).unwrap().etag.len(), 13);
        assert_eq!(files.by_id(66).unwrap().etag.len(), 32);
    }

    #[test]
    fn writes_create_then_change_and_refresh_folder_etags() {
        let mut files = Files::default();
        files.ensure_home("bob", 0);
        let home_etag = files.find("bob", "/").unwrap().etag.clone();
        let created = files.write("bob", "/new/a.txt", b"1", 5).unwrap();
        assert!(matches!(created, Written::Created(id) if id >= FIRST_FREE_ID));
        assert!(files.find("bob", "/new").unwrap().is_dir);
        assert_eq!(
            files.write("bob", "/new/a.txt", b"22", 6),
            Some(Written::Changed(created.id()))
        );
        assert_eq!(files.by_id(created.id()).unwrap().size, 2);
        assert_ne!(files.find("bob", "/").unwrap().etag, home_etag);
        assert_eq!(
            files.write("bob", "/new", b"x", 7),
            None,
            "a folder is in the way"
        );
        let removed = files.delete("bob", "/new", 8);
        assert_eq!(removed.len(), 2);
        assert!(files.find("bob", "/new/a.txt").is_none());
    }

    #[test]
    fn names_dirs_and_mime_types() {
        let mut files = Files::default();
        files.ensure_home("admin", 0);
        let photo = files.by_id(5).unwrap();
        assert_eq!(
            (photo.name(), photo.dir(), photo.mime()),
            ("Library.jpg", "/Photos", "image/jpeg")
        );
        let top = files.by_id(188).unwrap();
        assert_eq!((top.dir(), top.mime()), ("/", "text/plain"));
        assert_eq!(normalise("a//b/"), "/a/b");
    }
}
