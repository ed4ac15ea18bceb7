//! `resume watch`: rebuilds on changes (also saves by rename), survives broken edits,
//! follows folders that are replaced, reloads fonts, and builds while changes keep coming.
//! Every wait is bounded; the watcher is killed at the end.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use super::{Test, text};

struct Watch {
    child: Child,
    out: Receiver<String>,
    err: Receiver<String>,
}

impl Watch {
    /// `resume watch cv` in the project, once it has built and says it is watching.
    fn start(t: &Test) -> Watch {
        Watch::start_with(t, &[], "watching content")
    }

    /// `resume watch cv` with more arguments, once it says `watching`.
    fn start_with(t: &Test, args: &[&str], watching: &str) -> Watch {
        let w = Watch::spawn(t, &[&["watch", "cv"][..], args].concat());
        expect(&w.out, watching);
        w
    }

    /// `resume <args> --date 2026-11-01` in the project, its output read line by line.
    fn spawn(t: &Test, args: &[&str]) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
            .args(args)
            .args(["--date", "2026-11-01"])
            .current_dir(t.path(""))
            .env_remove("RESUME_CONTENT")
            .env_remove("RESUME_OUT")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        Watch {
            out: lines(child.stdout.take().unwrap()),
            err: lines(child.stderr.take().unwrap()),
            child,
        }
    }

    /// `watch --serve 0`: the preview's address, once the first build is done.
    fn serve(t: &Test) -> (Watch, String) {
        let w = Watch::spawn(t, &["watch", "cv", "--serve", "0"]);
        let first = w
            .out
            .recv_timeout(Duration::from_secs(20))
            .expect("a first line");
        let address = first
            .strip_prefix("preview at ")
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_owned();
        expect(&w.out, "watching content");
        (w, address)
    }

    /// Waits for builds until the CV's text has `wanted` (a build may read a folder
    /// before every file in it is written).
    #[track_caller]
    fn expect_cv(&self, t: &Test, wanted: &str) {
        let pdf = super::doc(&t.path("dist/all"), "-CV.pdf");
        for _ in 0..20 {
            expect(&self.out, "wrote dist/all/Ada-Example-CV.pdf");
            if text(&pdf).contains(wanted) {
                return;
            }
        }
        panic!("no build made a CV with {wanted:?}");
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn lines(stream: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits (at most 20 s) for a line containing `wanted`.
#[track_caller]
fn expect(rx: &Receiver<String>, wanted: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) if line.contains(wanted) => return,
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    panic!("no line with {wanted:?}; saw {seen:#?}");
}

fn person(headline: &str) -> String {
    format!("person:\n  name: Ada Example\n  headline: {headline}\n")
}

#[test]
fn watch_rebuilds_on_change_and_survives_errors() {
    let t = Test::new().file("content/person.yaml", &person("First headline"));
    let w = Watch::start(&t);
    let pdf = super::doc(&t.path("dist/all"), "-CV.pdf");
    assert!(text(&pdf).contains("First headline"));

    // An edit in place.
    std::fs::write(t.path("content/person.yaml"), person("Second headline")).unwrap();
    expect(&w.out, "wrote dist/all/Ada-Example-CV.pdf");
    expect(&w.out, "watching content for changes");
    assert!(text(&pdf).contains("Second headline"));

    // A broken edit: the errors are printed and the watch goes on.
    std::fs::write(
        t.path("content/person.yaml"),
        "person:\n  name: Ada\n  headlin: x\n",
    )
    .unwrap();
    expect(&w.err, "error: unknown key `headlin`");
    expect(&w.out, "watching content for changes");
    assert!(
        text(&pdf).contains("Second headline"),
        "the last good PDF stays"
    );

    // An editor that saves by writing a new file and renaming it over the old one.
    std::fs::write(t.path("content/.person.yaml.swp"), person("Third headline")).unwrap();
    std::fs::rename(
        t.path("content/.person.yaml.swp"),
        t.path("content/person.yaml"),
    )
    .unwrap();
    expect(&w.out, "wrote dist/all/Ada-Example-CV.pdf");
    expect(&w.out, "watching content for changes");
    assert!(text(&pdf).contains("Third headline"));
}

#[test]
fn watch_rebuilds_one_content_file_and_the_images_beside_it() {
    let svg = |fill: &str| {
        format!(
            "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' height='10' fill='{fill}'/></svg>"
        )
    };
    let t = Test::new()
        .file("my-cv.yaml", &person("First headline"))
        .file("figures/a.svg", &svg("red"));
    let w = Watch::start_with(&t, &["--content", "my-cv.yaml"], "watching my-cv.yaml");
    let pdf = super::doc(&t.path("dist/all"), "-CV.pdf");
    assert!(text(&pdf).contains("First headline"));

    // Saved by rename, as editors do.
    std::fs::write(t.path(".my-cv.yaml.swp"), person("Second headline")).unwrap();
    std::fs::rename(t.path(".my-cv.yaml.swp"), t.path("my-cv.yaml")).unwrap();
    w.expect_cv(&t, "Second headline");
    expect(&w.out, "watching my-cv.yaml for changes");

    // A file in a folder beside it (where its images are) is seen too.
    std::fs::write(t.path("figures/a.svg"), svg("blue")).unwrap();
    expect(&w.out, "wrote dist/all/Ada-Example-CV.pdf");
}

#[test]
fn watch_follows_a_content_folder_deleted_and_made_again() {
    let t = Test::new().file("content/person.yaml", &person("First headline"));
    let w = Watch::start(&t);
    std::fs::remove_dir_all(t.path("content")).unwrap();
    expect(
        &w.out,
        "the content folder content is gone; waiting for it to come back",
    );
    std::fs::create_dir(t.path("content")).unwrap();
    std::fs::write(t.path("content/person.yaml"), person("Restored headline")).unwrap();
    w.expect_cv(&t, "Restored headline");
    // The new folder is watched, not the deleted one.
    std::fs::write(t.path("content/person.yaml"), person("Edited headline")).unwrap();
    w.expect_cv(&t, "Edited headline");
}

#[test]
fn watch_follows_a_content_folder_replaced_by_rename() {
    let t = Test::new()
        .file("content/person.yaml", &person("First headline"))
        .file("content.new/person.yaml", &person("Swapped headline"));
    let w = Watch::start(&t);
    // What a sync tool or a checkout of the folder does.
    std::fs::rename(t.path("content"), t.path("content.old")).unwrap();
    std::fs::rename(t.path("content.new"), t.path("content")).unwrap();
    w.expect_cv(&t, "Swapped headline");
    std::fs::write(t.path("content/person.yaml"), person("Edited headline")).unwrap();
    w.expect_cv(&t, "Edited headline");
}

#[test]
fn watch_reloads_fonts_when_the_fonts_folder_changes() {
    let t = Test::new()
        .file("content/person.yaml", &person("First headline"))
        .file("fonts/README", "fonts for this project\n");
    let w = Watch::start(&t);
    let font = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/inter/Inter-Bold.otf");
    std::fs::copy(font, t.path("fonts/Inter-Bold.otf")).unwrap();
    expect(&w.out, "wrote dist/all/Ada-Example-CV.pdf");
    expect(&w.out, "watching content and fonts for changes");
}

/// Changes that never pause (a sync, a generator) do not hold the build back.
#[test]
fn watch_builds_while_changes_keep_coming() {
    let t = Test::new()
        .file("content/person.yaml", &person("First headline"))
        .file("templates/scratch.txt", "0");
    let w = Watch::start(&t);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = std::sync::Arc::clone(&stop);
        let scratch = t.path("templates/scratch.txt");
        std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if std::fs::write(&scratch, i.to_string()).is_err() {
                    break;
                }
                i += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    std::fs::write(t.path("content/person.yaml"), person("Busy headline")).unwrap();
    w.expect_cv(&t, "Busy headline");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
}

/// The page as a real browser sees it after its script ran: Chromium without a window.
fn browser_sees(address: &str) -> String {
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=3000",
            "--dump-dom",
            address,
        ])
        .output()
        .unwrap_or_else(|e| {
            panic!("`chromium` is needed by this test (Debian: chromium; scripts/test installs it): {e}")
        });
    assert!(out.status.success(), "chromium failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_preview_in_a_browser_follows_edits_and_shows_errors() {
    let t = Test::new().file("content/person.yaml", &person("First headline"));
    let (w, address) = Watch::serve(&t);
    assert!(address.starts_with("http://127.0.0.1:"), "{address}");
    let page = browser_sees(&address);
    assert!(page.contains("<body data-build=\"1\">"), "{page}");
    assert!(
        page.contains(
            "<img src=\"/files/all/Ada-Example-CV-1.png?build=1\" alt=\"Ada-Example-CV, page 1\">"
        ),
        "{page}"
    );
    assert!(page.contains("<div id=\"errors\"></div>"), "{page}");

    // An edit: the browser sees the next build's page.
    std::fs::write(t.path("content/person.yaml"), person("Second headline")).unwrap();
    w.expect_cv(&t, "Second headline");
    expect(&w.out, "watching content");
    let page = browser_sees(&address);
    assert!(page.contains("<body data-build=\"2\">"), "{page}");
    assert!(page.contains("Ada-Example-CV-1.png?build=2"), "{page}");

    // A broken edit: its error on the page, above the last good page.
    std::fs::write(
        t.path("content/person.yaml"),
        "person:\n  name: Ada\n  headlin: x\n",
    )
    .unwrap();
    expect(&w.out, "watching content");
    let page = browser_sees(&address);
    assert!(page.contains("unknown key `headlin`"), "{page}");
    assert!(page.contains("content/person.yaml:3:3"), "{page}");
    assert!(page.contains("Ada-Example-CV-1.png?build="), "{page}");
    assert!(text(&t.path("dist/all/Ada-Example-CV.pdf")).contains("Second headline"));

    // Nothing but PNG pages inside the output folder is served.
    let get = |path: &str| {
        let out = Command::new("chromium")
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
            .arg(format!("{address}{path}"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(get("files/all/Ada-Example-CV.pdf").contains("not found"));
    assert!(get("files/%2E%2E/content/person.yaml").contains("not found"));
}

#[test]
fn watch_rebuilds_an_application_kit() {
    let app = |line: &str| {
        format!(
            "applications:\n  acme:\n    company: Acme\n    role: Engineer\n    profile: all\n    posting: posting.txt\n    date: 2026-11-01\n    letter: [{line}]\n"
        )
    };
    let t = Test::new()
        .file("content/person.yaml", &person("Engineer"))
        .file("content/posting.txt", "We want Rust and PostgreSQL.\n")
        .file("content/applications.yaml", &app("First letter line."));
    let w = Watch::spawn(&t, &["watch", "--application", "acme"]);
    let letter = t.path("dist/applications/acme/Ada-Example-Letter-Acme.pdf");
    expect(&w.out, "watching content");
    assert!(text(&letter).contains("First letter line."));
    assert!(t.path("dist/applications/acme/report.md").is_file());

    std::fs::write(
        t.path("content/applications.yaml"),
        app("Second letter line."),
    )
    .unwrap();
    for _ in 0..20 {
        expect(
            &w.out,
            "wrote dist/applications/acme/Ada-Example-Letter-Acme.pdf",
        );
        if text(&letter).contains("Second letter line.") {
            return;
        }
    }
    panic!("no rebuild made the new letter");
}
