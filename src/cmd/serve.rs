//! `resume watch --serve`: a preview of the built pages in a browser.
//!
//! A small HTTP server on 127.0.0.1 (never another address) answers three things: the
//! page itself, `/state` (the build's number, its errors, and the PNG pages in the
//! output folder by profile and document), and `/files/...`, the PNG pages. It serves
//! nothing but PNG files inside the output folder, which the watch writes beside the
//! PDFs. The page asks for `/state` a few times a second and shows the new pages when
//! the build's number changes; a broken edit shows its errors above the pages of the
//! last good build, which stay in place because a failed build writes nothing.

use std::io::Cursor;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde_json::json;
use tiny_http::{Header, Request, Response, Server};

use super::{Reported, fail};
use crate::diagnostic::Diag;

const PAGE: &str = include_str!("serve/index.html");

/// What the page shows: the build's number and its errors.
#[derive(Default)]
struct State {
    build: u64,
    errors: String,
}

/// The running preview; the watch tells it about each build.
pub struct Preview {
    state: Arc<Mutex<State>>,
    pub address: SocketAddr,
}

impl Preview {
    /// Starts the server on 127.0.0.1:`port` in a thread of its own.
    pub fn start(port: u16, out: &Path) -> Result<Preview, Reported> {
        let server = Server::http(("127.0.0.1", port)).map_err(|e| {
            fail(
                Diag::error(format!("cannot serve the preview on 127.0.0.1:{port}: {e}")).hint(
                    "another program may use the port: pass another, or `--serve 0` for a free one",
                ),
            )
        })?;
        let address = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| fail(Diag::error("the preview server has no IP address")))?;
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        let out = out.to_path_buf();
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                answer(request, &shared, &out);
            }
        });
        Ok(Preview { state, address })
    }

    /// A build finished: with its errors (`""` when it succeeded).
    pub fn built(&self, errors: &str) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.build += 1;
        state.errors = strip_ansi(errors);
    }
}

fn answer(request: Request, state: &Mutex<State>, out: &Path) {
    let url = request.url().to_owned();
    let path = url.split('?').next().unwrap_or_default();
    let response = match path {
        "/" => text(PAGE.to_owned(), "text/html; charset=utf-8", 200),
        "/state" => {
            let (build, errors) = {
                let s = state.lock().unwrap_or_else(|e| e.into_inner());
                (s.build, s.errors.clone())
            };
            let body = json!({ "build": build, "errors": errors, "documents": documents(out) });
            text(body.to_string(), "application/json", 200)
        }
        _ => match path.strip_prefix("/files/").and_then(|rel| file(out, rel)) {
            Some(bytes) => with_type(Response::from_data(bytes), "image/png"),
            None => text("not found".to_owned(), "text/plain", 404),
        },
    };
    // A client that went away is no concern of the watch.
    let _ = request.respond(response);
}

fn text(body: String, kind: &str, status: u16) -> Response<Cursor<Vec<u8>>> {
    with_type(Response::from_string(body).with_status_code(status), kind)
}

fn with_type(response: Response<Cursor<Vec<u8>>>, kind: &str) -> Response<Cursor<Vec<u8>>> {
    let header = |name: &str, value: &str| {
        Header::from_bytes(name.as_bytes(), value.as_bytes())
            .unwrap_or_else(|()| unreachable!("header names and values here are ASCII"))
    };
    response
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

/// The bytes of a PNG page under `out`, named by its path relative to it: plain names
/// only (no `..`, no root), through real folders, and nothing but `.png` files.
fn file(out: &Path, rel: &str) -> Option<Vec<u8>> {
    let rel = Path::new(rel);
    let plain = rel.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain || rel.extension().is_none_or(|e| e != "png") {
        return None;
    }
    let root = out.canonicalize().ok()?;
    let path = root.join(rel).canonicalize().ok()?;
    if !path.starts_with(&root) || !path.is_file() {
        return None;
    }
    std::fs::read(path).ok()
}

/// The PNG pages under `out`, by folder (the profile) and document, in page order:
/// `[{profile, document, pages: ["/files/backend/cv-1.png", ...]}]`.
fn documents(out: &Path) -> Vec<serde_json::Value> {
    let mut pages = Vec::new();
    collect(out, out, &mut pages);
    // `cv-2.png` before `cv-10.png`: by document, then by page number.
    let mut keyed: Vec<(String, String, u32, String)> = pages
        .into_iter()
        .filter_map(|rel| {
            let name = rel.file_stem()?.to_str()?;
            let (document, page) = name.rsplit_once('-')?;
            let page: u32 = page.parse().ok()?;
            let folder = rel.parent()?.to_str()?.to_owned();
            let url = format!("/files/{}", rel.to_str()?);
            Some((folder, document.to_owned(), page, url))
        })
        .collect();
    keyed.sort();
    let mut found: Vec<serde_json::Value> = Vec::new();
    for (folder, document, _, url) in keyed {
        match found.last_mut() {
            Some(last)
                if last["folder"] == folder.as_str() && last["document"] == document.as_str() =>
            {
                if let Some(list) = last["pages"].as_array_mut() {
                    list.push(json!(url));
                }
            }
            _ => found.push(json!({ "folder": folder, "document": document, "pages": [url] })),
        }
    }
    found
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect(root, &path, out);
        } else if kind.is_file()
            && path.extension().is_some_and(|e| e == "png")
            && let Ok(rel) = path.strip_prefix(root)
        {
            out.push(rel.to_path_buf());
        }
    }
}

/// Messages as printed, without terminal colours.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_png_pages_inside_the_output_are_served() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir_all(out.join("backend")).unwrap();
        std::fs::write(out.join("backend/cv-1.png"), b"png").unwrap();
        std::fs::write(out.join("backend/cv.pdf"), b"pdf").unwrap();
        std::fs::write(dir.path().join("secret.png"), b"secret").unwrap();
        assert_eq!(file(&out, "backend/cv-1.png").as_deref(), Some(&b"png"[..]));
        assert_eq!(file(&out, "backend/cv.pdf"), None);
        assert_eq!(file(&out, "../secret.png"), None);
        assert_eq!(file(&out, "/etc/passwd.png"), None);
        assert_eq!(file(&out, "backend/../../secret.png"), None);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.png"), out.join("link.png"))
                .unwrap();
            assert_eq!(file(&out, "link.png"), None);
        }
    }

    #[test]
    fn pages_are_grouped_by_document_in_page_order() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::create_dir_all(out.join("backend")).unwrap();
        for page in [1, 2, 10] {
            std::fs::write(out.join(format!("backend/portfolio-{page}.png")), b"").unwrap();
        }
        std::fs::write(out.join("backend/cv-1.png"), b"").unwrap();
        let docs = documents(out);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0]["document"], "cv");
        assert_eq!(
            docs[1]["pages"],
            json!([
                "/files/backend/portfolio-1.png",
                "/files/backend/portfolio-2.png",
                "/files/backend/portfolio-10.png"
            ])
        );
        assert_eq!(strip_ansi("\u{1b}[1;31merror\u{1b}[0m: x"), "error: x");
    }
}
