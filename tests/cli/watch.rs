//! `resume watch`: rebuilds on changes (also saves by rename), survives broken edits.
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
    let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["watch", "cv", "--date", "2026-11-01"])
        .current_dir(t.path(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let w = Watch {
        out: lines(child.stdout.take().unwrap()),
        err: lines(child.stderr.take().unwrap()),
        child,
    };
    expect(&w.out, "watching content for changes");
    let pdf = t.path("dist/all/cv.pdf");
    assert!(text(&pdf).contains("First headline"));

    // An edit in place.
    std::fs::write(t.path("content/person.yaml"), person("Second headline")).unwrap();
    expect(&w.out, "wrote dist/all/cv.pdf");
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
    expect(&w.out, "wrote dist/all/cv.pdf");
    expect(&w.out, "watching content for changes");
    assert!(text(&pdf).contains("Third headline"));
}
