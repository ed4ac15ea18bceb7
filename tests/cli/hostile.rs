//! Hostile input: content and templates that try to hang the program, crash it, exhaust
//! its memory or read outside the project. Each is refused with a message, a place and
//! exit 1 (or, for files that are not content, ignored), and no message shows a host path.

use std::io::Write;

use super::{PERSON, Run, Test};

/// Messages name files relative to the project, never by where the project lies.
#[track_caller]
fn no_host_paths(t: &Test, run: &Run) {
    let root = t.path("");
    let root = root.to_string_lossy();
    let root = root.trim_end_matches('/');
    let real = t.path("").canonicalize().unwrap();
    for shown in [&run.stdout, &run.stderr] {
        assert!(
            !shown.contains(root) && !shown.contains(&*real.to_string_lossy()),
            "a host path is shown:\n{shown}"
        );
    }
}

fn run_check(t: Test) -> Run {
    let t = t.args(&["check"]);
    checked(&t)
}

fn checked(t: &Test) -> Run {
    let run = t.run();
    no_host_paths(t, &run);
    run
}

/// A content file of `n` values, each an alias copy of `anchor`.
fn aliases(anchor: &str, n: usize) -> String {
    let mut text = format!("person:\n  name: &a {anchor}\n  headline: x\nprojects: [");
    text.push_str(&"*a,".repeat(n));
    text.push_str("]\n");
    text
}

#[test]
fn an_alias_bomb_stops_before_it_allocates() {
    // Billion laughs: nine levels of ten copies each would be a billion values.
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9u8 {
        let (n, p) = ((b'a' + i) as char, (b'a' + i - 1) as char);
        bomb.push_str(&format!(
            "{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        ));
    }
    run_check(Test::with_content("bomb.yaml", &bomb))
        .failure()
        .stderr_is(
            "error: this file expands to more than 1000000 values
  ┌─ content/bomb.yaml:6:32
  │
6 │ f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
  │                                ^^
  │
  = hint: aliases (`*name`) that copy aliases multiply quickly; write the values out instead

error: `content` has 1 error

",
        );
}

#[test]
fn one_long_text_copied_by_aliases_is_a_bomb_too() {
    // 4 MiB of text copied a million times would be 4 TiB; the file is under 8 MiB.
    // Counting values alone let this through: text is counted in bytes as well.
    let long = "x".repeat(4 * 1024 * 1024);
    run_check(Test::new().file("content/person.yaml", &aliases(&long, 1_000_000)))
        .failure()
        .stderr_has(
            "error: this file expands to more than 64 MiB of text\n  ┌─ content/person.yaml:4:",
        )
        .stderr_has("= hint: aliases (`*name`) that copy aliases multiply quickly");
}

#[test]
fn deep_nesting_is_refused_at_the_level_that_is_too_deep() {
    // Block style: our own bound, at the 64th level.
    let deep: String = (0..1000)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect();
    run_check(Test::new().file("content/person.yaml", &deep))
        .failure()
        .stderr_has(
            "error: values are nested more than 64 levels deep\n   ┌─ content/person.yaml:65:65\n",
        )
        .stderr_has("= hint: content never needs this depth; is the indentation right?");
    // Flow style: the parser's own bound comes first.
    let deep = format!("person: {}\n", "[".repeat(1000));
    run_check(Test::new().file("content/person.yaml", &deep))
        .failure()
        .stderr_has(
            "error: invalid YAML: recursion limit exceeded\n  ┌─ content/person.yaml:1:264\n",
        );
}

#[test]
fn a_huge_file_is_refused_by_its_size_before_it_is_read() {
    let t = Test::new().file("content/person.yaml", PERSON);
    // Sparse: 50 MiB long, written in no time, and never read.
    std::fs::File::create(t.path("content/dump.yaml"))
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    run_check(t).failure().stderr_is(
        "error: `content/dump.yaml` is 50 MiB; content files may be at most 8 MiB
 = hint: split it into several files, or move data that is not content out of the folder

error: `content` has 1 error

",
    );
}

#[test]
fn binary_files_named_yaml_are_refused() {
    // Not UTF-8: named, with the offset of the first bad byte.
    let t = Test::new().file("content/person.yaml", PERSON);
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(t.path("content/image.yaml"), &bytes).unwrap();
    run_check(t).failure().stderr_is(
        "error: `content/image.yaml` is not UTF-8 text (invalid byte at offset 1)
 = hint: save the file as UTF-8; if it is not content, give it another extension than `.yaml`

error: `content` has 1 error

",
    );
    // UTF-8 but control characters: a YAML error with a place.
    let t = Test::new().file("content/person.yaml", PERSON);
    std::fs::write(t.path("content/zeros.yaml"), [0u8; 4096]).unwrap();
    run_check(t)
        .failure()
        .stderr_has("error: invalid YAML: found unprintable character\n  ┌─ content/zeros.yaml:1:1\n")
        .stderr_has("= hint: the file holds control characters: if it is not content (a binary file), give it another extension than `.yaml`")
        .stderr_has("error: `content` has 1 error");
}

#[test]
fn files_that_are_not_yaml_and_hidden_files_are_ignored() {
    let t = Test::new().file("content/person.yaml", PERSON);
    for name in [
        "photo.png",
        ".DS_Store",
        ".notes.yaml",
        "README.md",
        "x.yaml~",
    ] {
        std::fs::write(t.path(&format!("content/{name}")), [0xffu8, 0, 1, 2, 0xfe]).unwrap();
    }
    // A folder is a folder, whatever its name: its YAML files are read, it is not.
    std::fs::create_dir_all(t.path("content/x.yaml")).unwrap();
    let t = t.file(
        "content/x.yaml/roles.yaml",
        "experience:\n  - {id: a, title: Engineer}\n",
    );
    run_check(t)
        .success()
        .stdout_has("content is valid: 2 files;");
}

#[test]
fn pipes_loops_and_unreadable_files_are_refused_without_waiting() {
    // A named pipe would block a read forever.
    let t = Test::new().file("content/person.yaml", PERSON);
    let made = std::process::Command::new("mkfifo")
        .arg(t.path("content/pipe.yaml"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    std::os::unix::fs::symlink("loop.yaml", t.path("content/loop.yaml")).unwrap();
    run_check(t).failure().stderr_is(
        "error: cannot read `content/loop.yaml`: Too many levels of symbolic links

error: `content/pipe.yaml` is not a regular file
 = hint: content files are plain files; give anything else another extension than `.yaml`

error: `content` has 2 errors

",
    );

    let t = Test::new()
        .file("content/person.yaml", PERSON)
        .file("content/secret.yaml", "experience: []\n");
    let secret = t.path("content/secret.yaml");
    std::fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        // Running as root, which reads anything: nothing to test.
        eprintln!("skipped: permissions do not apply to this user");
        return;
    }
    run_check(t).failure().stderr_is(
        "error: cannot read `content/secret.yaml`: Permission denied

error: `content` has 1 error

",
    );
}

#[test]
fn a_deeply_nested_selector_is_an_error_not_a_crash() {
    // The selector parser recurses; before it was bounded this overflowed the stack.
    let select = format!("{}tag:a{}", "(".repeat(50_000), ")".repeat(50_000));
    let profiles = format!("profiles:\n  p:\n    select: \"{select}\"\n");
    run_check(Test::with_content("profiles.yaml", &profiles))
        .failure()
        .stderr_has(
            "error: in this selector: the expression nests more than 32 levels deep\n  ┌─ content/profiles.yaml:3:46\n",
        );
}

#[test]
fn profile_names_that_are_paths_are_errors_at_their_key() {
    // A profile's name is the folder its documents go to under `--out`.
    let profiles = "profiles:\n  \"../../x\": {}\n  /tmp/y: {}\n  ../content/z: {}\n  ok: {}\n";
    let t = Test::new()
        .file("content/person.yaml", PERSON)
        .file("content/profiles.yaml", profiles)
        .args(&["build", "--all", "--out", "out"]);
    let mut run = checked(&t).failure();
    for (line, name) in [(2, "../../x"), (3, "/tmp/y"), (4, "../content/z")] {
        run = run.stderr_has(&format!(
            "error: `{name}` is not a valid profile name\n  ┌─ content/profiles.yaml:{line}:3\n"
        ));
    }
    assert!(!t.path("out").exists(), "nothing is built");
    assert!(!t.path("x").exists() && !t.path("content/z").exists());
}

/// A project whose own `templates/cv.typ` is `template`.
fn template(template: &str) -> Test {
    Test::new()
        .file("content/person.yaml", PERSON)
        .file("templates/cv.typ", template)
        .args(&["build", "cv", "--date", "2026-11-01"])
}

#[test]
fn templates_cannot_reach_outside_the_project() {
    let built =
        "error: `dist/all/cv.pdf` of profile `all` could not be built; it was not written\n";
    // An absolute path is under the project root, not the machine's.
    let t = template("#read(\"/etc/passwd\")\n");
    checked(&t)
        .failure()
        .stderr_has("error: file not found (searched at etc/passwd)\n  ┌─ templates/cv.typ:1:7\n")
        .stderr_has(built);
    // `..` stops at the project root: from `templates/`, `../x` is the project's `x`...
    let t = template("#read(\"../outside.txt\")\n");
    checked(&t)
        .failure()
        .stderr_has("error: file not found (searched at outside.txt)\n  ┌─ templates/cv.typ:1:7\n")
        .stderr_has(built);
    // ...and one more is refused.
    let t = template("#read(\"../../outside.txt\")\n");
    checked(&t)
        .failure()
        .stderr_has("error: path `\"../../outside.txt\"` would escape the project root\n  ┌─ templates/cv.typ:1:7\n")
        .stderr_has("= hint: cannot access files outside of the project sandbox\n")
        .stderr_has(built);
    // Typst's hint to move the root names a flag `resume` does not have.
    assert!(!checked(&t).stderr.contains("--root"));
    // `include` goes through the same door.
    let t = template("#include \"parts/header.typ\"\n");
    std::fs::create_dir_all(t.path("templates/parts")).unwrap();
    let outside = tempfile::NamedTempFile::new().unwrap();
    write!(outside.as_file(), "= Outside").unwrap();
    std::os::unix::fs::symlink(outside.path(), t.path("templates/parts/header.typ")).unwrap();
    checked(&t)
        .failure()
        .stderr_has("error: failed to load file (`templates/parts/header.typ` leads outside the project folder, and only files inside it can be read)\n  ┌─ templates/cv.typ:1:10\n")
        .stderr_has(built);
    // A pipe inside the project would block the compile.
    let t = template("#read(\"pipe\")\n");
    std::process::Command::new("mkfifo")
        .arg(t.path("templates/pipe"))
        .status()
        .expect("mkfifo");
    checked(&t)
        .failure()
        .stderr_has("error: failed to load file (`templates/pipe` is not a regular file)\n  ┌─ templates/cv.typ:1:7\n");
}

fn figure(path: &str) -> Test {
    let project = format!(
        "projects:\n  - id: p\n    title: P\n    classification: tool\n    tagline: t\n    figures:\n      - {{path: {path}, alt: A diagram}}\n"
    );
    Test::with_content("projects.yaml", &project)
}

#[test]
fn figures_and_photos_must_be_real_images_inside_the_content_folder() {
    let at = "\n  ┌─ content/projects.yaml:7:16\n";
    let t = figure("../secret.png");
    std::fs::write(t.path("secret.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    run_check(t)
        .failure()
        .stderr_has(&format!("error: `../secret.png` lies outside the content folder{at}"))
        .stderr_has("= hint: images must be files inside the content folder (links that lead out are refused)");

    let t = figure("figures/link.png");
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::create_dir_all(t.path("content/figures")).unwrap();
    std::os::unix::fs::symlink(outside.path(), t.path("content/figures/link.png")).unwrap();
    run_check(t).failure().stderr_has(&format!(
        "error: `figures/link.png` lies outside the content folder{at}"
    ));

    run_check(figure("figures/missing.svg"))
        .failure()
        .stderr_has(&format!(
            "error: cannot read the image `figures/missing.svg`: No such file or directory{at}"
        ))
        .stderr_has(
            "= hint: the path is relative to the content folder, for example `figures/ledger.svg`",
        );

    let t = figure("figures/folder.png");
    std::fs::create_dir_all(t.path("content/figures/folder.png")).unwrap();
    run_check(t)
        .failure()
        .stderr_has(&format!("error: `figures/folder.png` is not a file{at}"));

    run_check(figure("/etc/passwd"))
        .failure()
        .stderr_has(&format!(
            "error: `/etc/passwd` is not an image file this tool can place{at}"
        ));

    let person = "person:\n  name: Ada\n  headline: Engineer\n  photo: {path: me.jpg, alt: Ada}\n";
    let t = Test::new()
        .file("content/person.yaml", person)
        .file("content/me.jpg", "not a photo");
    run_check(t)
        .failure()
        .stderr_has("error: `me.jpg` is not a real JPG image: its content does not start like one\n  ┌─ content/person.yaml:4:17\n");
}

/// Content with `projects` projects and a fifth as many roles (as `scripts/bench` makes).
pub fn big_content(projects: usize) -> String {
    let mut text = String::from("person: {name: Scale Test, headline: Engineer}\nexperience:\n");
    for i in 0..projects / 5 {
        text.push_str(&format!(
            "  - {{id: r{i}, title: Engineer {i}, organization: Company {i}, start: {}, highlights: ['Shipped system {i} to production']}}\n",
            1990 + i % 30
        ));
    }
    text.push_str("projects:\n");
    for i in 0..projects {
        text.push_str(&format!(
            "  - {{id: p{i}, title: Project {i}, classification: tool, tagline: 'Tool number {i}', problem: 'The problem project {i} solved, in one sentence of ordinary length.', stack: [Rust], priority: {}}}\n",
            i % 5
        ));
    }
    text
}

#[test]
fn a_thousand_projects_and_two_hundred_roles_make_a_long_portfolio() {
    let t = Test::new()
        .file("content/all.yaml", &big_content(1000))
        .args(&["build", "portfolio", "--date", "2026-11-01"]);
    // How long it takes is for `scripts/bench scale`, not for a test on a busy machine.
    t.run().success();
    let pdf = t.path("dist/all/portfolio.pdf");
    let pages = super::pages(&pdf);
    assert!(pages > 100, "{pages} pages");
    let text = super::text(&pdf);
    for expected in ["Project 0", "Project 999", "Engineer 199", "Company 199"] {
        assert!(text.contains(expected), "the portfolio lacks {expected:?}");
    }
}

#[test]
fn a_reader_that_stops_early_is_not_an_internal_error() {
    // `resume schema | head -1`: the pipe closes before the output is written. This
    // used to panic in `println!` and say "internal error in resume"; then SIGPIPE
    // ended it, which stops a build halfway.
    for args in [&["schema"][..], &["list", "--content"]] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_resume"));
        command.args(args);
        if args[0] == "list" {
            command.arg(super::example_content());
        }
        let mut child = command
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {:?}", out.status);
    }
}

#[test]
fn a_full_standard_output_is_an_error_that_does_not_stop_the_build() {
    // `resume build > /dev/full`: the first "wrote" line fails. That was a panic, an
    // "internal error" with exit 2, after the first PDF.
    let t = Test::new().file("content/person.yaml", PERSON);
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["build", "--date", "2026-11-01"])
        .current_dir(t.path(""))
        .env_remove("RESUME_CONTENT")
        .env_remove("RESUME_OUT")
        .stdout(full())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        "error: cannot write to standard output: No space left on device (os error 28)\n"
    );
    assert!(t.path("dist/all/cv.pdf").exists());
    assert!(t.path("dist/all/portfolio.pdf").exists());
    assert!(t.path("dist/manifest.json").exists());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(["check"])
        .current_dir(t.path(""))
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("error: cannot write to standard output"),
        "{out:?}"
    );
}

#[test]
fn usage_errors_exit_1_and_leave_2_to_bugs() {
    Test::new()
        .args(&["bogus"])
        .run()
        .failure()
        .stderr_has("error: unrecognized subcommand 'bogus'\n\nUsage: resume <COMMAND>\n");
    Test::new()
        .args(&["build", "--all", "--profile", "x"])
        .run()
        .failure()
        .stderr_has("cannot be used with");
    Test::new().args(&["build", "--ppi"]).run().failure();
    let help = Test::new().args(&["--help"]).run().success();
    assert!(help.stdout.contains("Usage: resume <COMMAND>"), "{help:?}");
    Test::new().args(&["--version"]).run().success();
}

#[test]
fn a_long_chain_of_profiles_is_refused_quickly() {
    // Each profile walks its chain: 2,000 profiles extending each other took seconds,
    // and a file of them minutes, before the chain was bounded.
    let mut profiles = String::from("profiles:\n  p0: {}\n");
    for i in 1..2000 {
        profiles.push_str(&format!("  p{i}: {{extends: p{}}}\n", i - 1));
    }
    run_check(Test::with_content("profiles.yaml", &profiles))
        .failure()
        .stderr_has(
            "error: profile `p17` extends more than 16 profiles in a row\n   ┌─ content/profiles.yaml:19:18\n",
        )
        .stderr_has("= hint: let the profiles extend one common profile instead of each other")
        .stderr_has("error: `content` has 1983 errors");
}

#[test]
fn many_profiles_are_checked_in_linear_time() {
    // Each profile collected every profile's name and every tag to check one selector:
    // 40,000 profiles took 20 s in a release build, minutes in this one. Measured against
    // the same check of 5,000, not a clock, so that a busy machine does not fail it:
    // eight times the profiles may take up to 24 times as long (quadratic would be 64).
    let check = |n: usize| {
        let mut text = String::from(
            "experience:\n  - {id: r, title: T, organization: O, start: 2020, tags: [a]}\nprofiles:\n",
        );
        for i in 0..n {
            text.push_str(&format!("  p{i}: {{select: \"tag:a\"}}\n"));
        }
        let start = std::time::Instant::now();
        run_check(Test::with_content("profiles.yaml", &text))
            .success()
            .stdout_has(&format!(
                "content is valid: 2 files; 1 role, 0 projects, 0 case studies, {n} profiles"
            ));
        start.elapsed()
    };
    let small = check(5_000);
    let large = check(40_000);
    assert!(
        large < small * 24 + std::time::Duration::from_secs(1),
        "5,000 profiles: {small:?}, 40,000: {large:?}"
    );
}

/// A full build into `out` (an absolute path inside the test's folder, whatever the
/// current folder), cleaning if asked.
fn build_into(t: Test, out: &std::path::Path, clean: bool) -> Test {
    let t = Test {
        args: Vec::new(),
        ..t
    }
    .args(&[
        "build",
        "--all",
        "--date",
        "2026-11-01",
        "--format",
        "pdf,txt",
    ])
    .args(&["--out", out.to_str().unwrap()]);
    if clean { t.args(&["--clean"]) } else { t }
}

#[test]
fn clean_removes_only_files_the_manifest_says_resume_wrote() {
    // `build --all --clean --out .` once removed an unrelated `mydocs/taxes/2025-return.pdf`
    // and its folders: every PDF under the output folder that this run did not write
    // counted as stale.
    let t = Test::new().file("content/person.yaml", PERSON).file(
        "content/profiles.yaml",
        "profiles:\n  all: {}\n  gone: {}\n  old: {}\n",
    );
    let out = t.path("out");
    let t = build_into(t, &out, false);
    t.run().success();
    for written in ["gone/cv.pdf", "gone/cv.txt", "old/cv.pdf", "all/cv.pdf"] {
        assert!(out.join(written).is_file(), "{written} was not written");
    }
    // Files and folders of someone else's, among and beside resume's own.
    let t = t
        .file("out/unrelated.pdf", "%PDF-mine")
        .file("out/mydocs/taxes/2025-return.pdf", "%PDF-taxes")
        .file("out/mydocs/taxes/2025-return.txt", "taxes")
        .file("out/all/notes.pdf", "%PDF-notes")
        .file("out/gone/mine.pdf", "%PDF-mine");
    std::fs::create_dir(out.join("empty")).unwrap();
    // The profiles `gone` and `old` go: what resume wrote for them is stale.
    let t = t.file("content/profiles.yaml", "profiles:\n  all: {}\n");
    let t = build_into(t, &out, true);
    let run = t.run().success();
    assert!(
        run.stdout.contains(&format!(
            "removed {} (no longer built)",
            out.join("gone/cv.pdf").display()
        )) && run
            .stdout
            .contains(&format!("removed {}", out.join("gone/cv.txt").display()))
            && run
                .stdout
                .contains(&format!("removed {}", out.join("old/cv.pdf").display())),
        "{}",
        run.stdout
    );
    for kept in ["unrelated.pdf", "mydocs", "all/notes.pdf", "gone/mine.pdf"] {
        assert!(!run.stdout.contains(kept), "{}", run.stdout);
        assert!(!run.stderr.contains(kept), "{}", run.stderr);
    }
    assert!(!out.join("gone/cv.pdf").exists() && !out.join("gone/cv.txt").exists());
    // Folders that removing resume's files emptied go; any other stays.
    assert!(!out.join("old").exists());
    assert!(out.join("gone/mine.pdf").is_file());
    assert!(out.join("unrelated.pdf").is_file());
    assert!(out.join("mydocs/taxes/2025-return.pdf").is_file());
    assert!(out.join("mydocs/taxes/2025-return.txt").is_file());
    assert!(out.join("all/notes.pdf").is_file());
    assert!(out.join("all/cv.pdf").is_file());
    assert!(out.join("empty").is_dir());
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(
        !manifest.contains("gone/") && !manifest.contains("old/"),
        "{manifest}"
    );
}

#[test]
fn clean_trusts_no_manifest_path_outside_the_output_folder() {
    // A manifest is a file in the output folder, which anyone may edit: the stale files
    // it names are removed only inside the folder, through real folders, with the bytes
    // resume wrote.
    let t = Test::new().file("content/person.yaml", PERSON);
    let out = t.path("out");
    let t = build_into(t, &out, false);
    t.run().success();
    let path = out.join("manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let cv = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "all/cv.pdf")
        .unwrap()
        .clone();
    // The same bytes, outside the folder and behind a link; and a changed stale file.
    let pdf = std::fs::read(out.join("all/cv.pdf")).unwrap();
    std::fs::create_dir_all(t.path("outside/deep")).unwrap();
    std::fs::write(t.path("outside/cv.pdf"), &pdf).unwrap();
    std::fs::write(t.path("outside/deep/cv.pdf"), &pdf).unwrap();
    std::os::unix::fs::symlink(t.path("outside"), out.join("link")).unwrap();
    std::os::unix::fs::symlink(t.path("outside/cv.pdf"), out.join("file-link.pdf")).unwrap();
    std::fs::write(out.join("changed.pdf"), "%PDF-edited").unwrap();
    let absolute = t.path("outside/cv.pdf").to_string_lossy().into_owned();
    let stale: Vec<serde_json::Value> = [
        "../outside/cv.pdf",
        "all/../../outside/cv.pdf",
        absolute.as_str(),
        "link/cv.pdf",
        "link/deep/cv.pdf",
        "file-link.pdf",
        "changed.pdf",
    ]
    .iter()
    .map(|p| {
        let mut e = cv.clone();
        e["path"] = (*p).into();
        e
    })
    .collect();
    manifest["stale"] = stale.into();
    std::fs::write(&path, serde_json::to_vec(&manifest).unwrap()).unwrap();
    let t = build_into(t, &out, true);
    let run = t.run().success();
    assert!(!run.stdout.contains("removed"), "{}", run.stdout);
    assert!(
        run.stderr.contains("changed.pdf` is no longer built, but it changed since `resume` wrote it; it was left in place"),
        "{}",
        run.stderr
    );
    assert!(t.path("outside/cv.pdf").is_file());
    assert!(t.path("outside/deep/cv.pdf").is_file());
    assert!(out.join("link").symlink_metadata().is_ok());
    assert!(out.join("file-link.pdf").symlink_metadata().is_ok());
    assert!(out.join("changed.pdf").is_file());
    assert!(out.join("all/cv.pdf").is_file());
}

#[test]
fn a_file_that_reports_no_size_is_read_no_further_than_the_limit() {
    // `/proc` files report size 0 however much they hold: `pagemap` holds 256 GiB. The
    // size check let it through, and the whole was read into memory.
    let proc_file = "/proc/self/pagemap";
    if !std::path::Path::new(proc_file).exists() {
        eprintln!("no {proc_file} here: skipped");
        return;
    }
    let t = Test::with_content("notes.md", "not content");
    std::os::unix::fs::symlink(proc_file, t.path("content/big.yaml")).unwrap();
    // A device is not a regular file, and is refused before it is opened.
    std::os::unix::fs::symlink("/dev/zero", t.path("content/zero.yaml")).unwrap();
    run_check(t)
        .failure()
        .stderr_has(
            "error: `content/big.yaml` is more than 8 MiB; content files may be at most 8 MiB\n",
        )
        .stderr_has("error: `content/zero.yaml` is not a regular file\n")
        .stderr_has("error: `content` has 2 errors");
}

#[test]
fn import_reads_a_device_or_proc_file_no_further_than_the_limit() {
    // `/dev/zero` reports size 0 and never ends: the import read it until memory ran out.
    for (format, file) in [
        ("jsonresume", "/dev/zero"),
        ("rendercv", "/dev/zero"),
        ("jsonresume", "/proc/self/pagemap"),
    ] {
        if !std::path::Path::new(file).exists() {
            continue;
        }
        let t = Test::new().args(&["import", format, file]);
        t.run().failure().stderr_is(&format!(
            "error: `{file}` is too large for a résumé: more than the limit of 8388608 bytes\n\n"
        ));
        assert!(!t.path("content").exists());
    }
}

/// CRC-32 (as PNG chunks use it), bit by bit.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// `data` as a zlib stream of one stored (uncompressed) block.
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let len = u16::try_from(data.len()).unwrap();
    let mut out = vec![0x78, 0x01, 0x01];
    out.extend(len.to_le_bytes());
    out.extend((!len).to_le_bytes());
    out.extend(data);
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    out.extend(((b << 16) | a).to_be_bytes());
    out
}

/// A PNG of 8-bit RGB that declares `width` × `height` pixels and holds `idat`.
fn png(width: u32, height: u32, idat: &[u8]) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend(u32::try_from(data.len()).unwrap().to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", idat);
    chunk(&mut out, b"IEND", b"");
    out
}

/// A real 2 × 2 white PNG.
fn small_png() -> Vec<u8> {
    let row = [0, 255, 255, 255, 255, 255, 255];
    png(2, 2, &zlib_stored(&[row, row].concat()))
}

/// The figure of `figure(path)`, with `bytes` as its file.
fn figure_file(path: &str, bytes: &[u8]) -> Test {
    let t = figure(path);
    let file = t.path(&format!("content/{path}"));
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, bytes).unwrap();
    t
}

const FIGURE_AT: &str = "\n  ┌─ content/projects.yaml:7:16\n";

#[test]
fn an_image_that_declares_too_many_pixels_is_refused_by_its_header() {
    // 65600 × 65600 pixels in a file of under a hundred bytes: decoding it would take
    // 13 GB (and aborted the build); its header is enough to refuse it.
    let bomb = png(65600, 65600, &zlib_stored(&[0; 64]));
    assert!(bomb.len() < 200);
    let too_large = |path: &str, bytes: &[u8], size: &str| {
        let t = figure_file(path, bytes);
        run_check(t)
            .failure()
            .stderr_has(&format!(
                "error: `{path}` is too large an image: {size}, over the limit of 16384 pixels a side and 40 megapixels{FIGURE_AT}"
            ))
            .stderr_has("= hint: scale it down: 3000 pixels a side is plenty for print");
    };
    too_large(
        "figures/bomb.png",
        &bomb,
        "65600 × 65600 pixels (4303.4 megapixels)",
    );
    // Each limit on its own: one side too long, or too many pixels in all.
    too_large(
        "figures/strip.png",
        &png(16385, 1, &[]),
        "16385 × 1 pixels (0.1 megapixels)",
    );
    too_large(
        "figures/square.png",
        &png(7000, 7000, &[]),
        "7000 × 7000 pixels (49.0 megapixels)",
    );
    // A GIF declares its size in its logical screen.
    let mut gif = b"GIF89a".to_vec();
    gif.extend(60000u16.to_le_bytes());
    gif.extend(60000u16.to_le_bytes());
    gif.extend([0, 0, 0]);
    gif.extend([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4C, 0x01, 0, 0x3B]);
    too_large(
        "figures/screen.gif",
        &gif,
        "60000 × 60000 pixels (3600.0 megapixels)",
    );

    // A build stops at the same check, before Typst sees the image.
    let t = figure_file("figures/bomb.png", &bomb).args(&["build", "--out", "out"]);
    checked(&t).failure().stderr_has(&format!(
        "error: `figures/bomb.png` is too large an image: 65600 × 65600 pixels (4303.4 megapixels), over the limit of 16384 pixels a side and 40 megapixels{FIGURE_AT}"
    ));
    // It stops before it writes anything.
    assert!(!t.path("out").exists());

    // A photo is held to the same limits.
    let person = "person:\n  name: Ada\n  headline: Engineer\n  photo: {path: me.png, alt: Ada}\n";
    let t = Test::new().file("content/person.yaml", person);
    std::fs::write(t.path("content/me.png"), &bomb).unwrap();
    run_check(t).failure().stderr_has(
        "error: `me.png` is too large an image: 65600 × 65600 pixels (4303.4 megapixels), over the limit of 16384 pixels a side and 40 megapixels\n  ┌─ content/person.yaml:4:17\n",
    );

    // A real image within the limits passes.
    run_check(figure_file("figures/small.png", &small_png())).success();
}

#[test]
fn a_panic_on_a_worker_thread_is_an_internal_error_not_an_abort() {
    // Krilla encodes images in jobs on rayon's pool; a panic there used to abort the
    // process (exit 134). The debug build panics in such a job when asked.
    let t = Test::with_content("extra.yaml", "")
        .args(&["check"])
        .env("RESUME_DEBUG_PANIC_ON_WORKER", "1");
    let run = t.run();
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .starts_with("error: internal error in resume at src/main.rs:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("a panic on a worker thread"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_damaged_image_is_an_error_at_its_place_in_the_content() {
    // Right magic bytes and header, a body that is not a zlib stream.
    let damaged = png(2, 2, b"not a zlib stream at all");
    run_check(figure_file("figures/damaged.png", &damaged))
        .failure()
        .stderr_has(&format!(
            "error: `figures/damaged.png` is a damaged PNG image: Format error decoding Png: Corrupt deflate stream. BadZlibHeader{FIGURE_AT}"
        ))
        .stderr_has("= hint: export the image again");
    // Cut short: the header is whole, the pixels are missing.
    let short = small_png();
    let short = &short[..short.len() - 20];
    run_check(figure_file("figures/short.png", short))
        .failure()
        .stderr_has("error: `figures/short.png` is a damaged PNG image: ");
    // A JPEG that is only its first marker.
    run_check(figure_file(
        "figures/cut.jpg",
        &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16],
    ))
    .failure()
    .stderr_has("error: `figures/cut.jpg` is a damaged JPEG image: ");
    // An SVG that does not parse.
    run_check(figure_file(
        "figures/broken.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>",
    ))
    .failure()
    .stderr_has("error: `figures/broken.svg` is a damaged SVG image: ");

    // The build reports it there too, never in the built-in template.
    let t = figure_file("figures/damaged.png", &damaged).args(&["build", "--out", "out"]);
    let run = checked(&t).failure().stderr_has(&format!(
        "error: `figures/damaged.png` is a damaged PNG image: Format error decoding Png: Corrupt deflate stream. BadZlibHeader{FIGURE_AT}"
    ));
    assert!(!run.stderr.contains("lib.typ"), "{}", run.stderr);
}

/// An SVG of 10 × 10 that holds `inner` (XML inside the `<svg>` element).
fn svg(inner: &str) -> Vec<u8> {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">{inner}</svg>"
    )
    .into_bytes()
}

#[test]
fn svg_figures_load_no_files() {
    let links_to = |href: &str, attribute: &str| {
        let t = figure_file(
            "figures/diagram.svg",
            &svg(&format!(
                "<image {attribute}=\"{href}\" width=\"10\" height=\"10\"/>"
            )),
        );
        // The file it names exists, outside the content folder, and is a real image.
        std::fs::write(t.path("secret.png"), small_png()).unwrap();
        std::fs::write(t.path("content/figures/beside.png"), small_png()).unwrap();
        run_check(t)
            .failure()
            .stderr_has(&format!(
                "error: `figures/diagram.svg` links to the file `{href}`: an SVG figure may only hold images inside itself{FIGURE_AT}"
            ))
            .stderr_has("= hint: embed the image in the SVG as a `data:` URL, or place it as a figure of its own");
    };
    links_to("../../secret.png", "href");
    links_to("../../secret.png", "xlink:href");
    links_to("file://../../secret.png", "href");
    // Even one beside it: the figure is what the content names, and nothing else.
    links_to("beside.png", "href");

    // The build refuses it too, and so writes no PDF with the file in it.
    let t = figure_file(
        "figures/diagram.svg",
        &svg("<image href=\"../../secret.png\" width=\"10\" height=\"10\"/>"),
    )
    .args(&["build", "--out", "out"]);
    std::fs::write(t.path("secret.png"), small_png()).unwrap();
    checked(&t)
        .failure()
        .stderr_has("error: `figures/diagram.svg` links to the file `../../secret.png`");

    // Images inside the SVG (`data:` URLs) and references inside it are fine...
    let small = base64(&small_png());
    let inside = svg(&format!(
        "<defs><image id=\"i\" href=\"data:image/png;base64,{small}\" width=\"10\" height=\"10\"/></defs><use xlink:href=\"#i\"/>"
    ));
    run_check(figure_file("figures/inside.svg", &inside)).success();
    // ...but held to the same limits as any image.
    let bomb = base64(&png(65600, 65600, &zlib_stored(&[0; 64])));
    let inside = svg(&format!(
        "<image href=\"data:image/png;base64,{bomb}\" width=\"10\" height=\"10\"/>"
    ));
    run_check(figure_file("figures/bomb.svg", &inside))
        .failure()
        .stderr_has(&format!(
            "error: `figures/bomb.svg` holds an image that is too large an image: 65600 × 65600 pixels (4303.4 megapixels), over the limit of 16384 pixels a side and 40 megapixels{FIGURE_AT}"
        ));
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// What a terminal would act on: ESC (escape sequences) and BEL (ends an OSC sequence).
#[track_caller]
fn no_raw_controls(shown: &str) {
    assert!(
        !shown.contains(['\x1b', '\x07']),
        "a control character is printed raw:\n{shown:?}"
    );
}

#[test]
fn control_characters_in_content_are_errors_at_their_place() {
    // An OSC sequence that would retitle the terminal, written as itself in a title...
    let t = Test::with_content(
        "roles.yaml",
        "experience:\n  - id: acme\n    title: Lead \x1b]0;PWNED\x07Engineer\n",
    );
    let run = run_check(t).failure();
    no_raw_controls(&run.stderr);
    run.stderr_is(
        "error: control character U+001B in text: remove it
  ┌─ content/roles.yaml:3:17
  │
3 │     title: Lead \\u{1b}]0;PWNED\\u{7}Engineer
  │                 ^^^^^^
  │
  = hint: control characters print as nothing, and in a terminal they act on it; only tabs and line breaks are allowed

error: `content` has 1 error

",
    );
    // ...written as an escape in a quoted key (at the key), and a bell in a block.
    let t = Test::with_content(
        "roles.yaml",
        "experience:\n  - id: acme\n    \"ti\\etle\": x\n",
    );
    run_check(t).failure().stderr_has(
        "error: control character U+001B in text: remove it\n  ┌─ content/roles.yaml:3:5\n",
    );
    let t = Test::with_content(
        "roles.yaml",
        "experience:\n  - id: acme\n    title: |\n      Lead\n      En\x07gineer\n",
    );
    run_check(t).failure().stderr_has(
        "error: control character U+0007 in text: remove it\n  ┌─ content/roles.yaml:5:9\n",
    );
    // Tabs and CRLF line ends are text, not control characters to refuse.
    let t = Test::with_content(
        "roles.yaml",
        "experience:\r\n  - id: acme\r\n    title: |\r\n      Lead\tEngineer\r\n    organization: Acme\r\n    start: 2021\r\n",
    );
    run_check(t).success();
}

#[test]
fn control_characters_in_names_and_arguments_are_shown_escaped() {
    // A file name with an OSC sequence, and a broken file under it.
    let t = Test::new()
        .file("content/person.yaml", PERSON)
        .file("content/a\x1b]0;PWNED\x07.yaml", "experience: [\n");
    let run = run_check(t).failure();
    no_raw_controls(&run.stderr);
    run.stderr_has("  ┌─ content/a\\u{1b}]0;PWNED\\u{7}.yaml:2:1\n");
    // A selector typed with control characters: the message and its snippet.
    let t = Test::new().file("content/person.yaml", PERSON).args(&[
        "list",
        "--select",
        "tag:\x1b]0;x\x07 or",
    ]);
    let run = checked(&t).failure();
    no_raw_controls(&run.stderr);
    run.stderr_has("1 │ tag:\\u{1b}]0;x\\u{7} or\n  │                       ^\n");
}

#[test]
fn a_snippet_of_a_very_long_line_shows_only_the_place() {
    // A control character in the middle of a 1 MB line: 100 characters either side.
    let long = "a".repeat(500_000);
    let t = Test::with_content(
        "roles.yaml",
        &format!("experience:\n  - id: acme\n    title: {long}\x1b{long}\n"),
    );
    let run = run_check(t).failure();
    let shown = "a".repeat(100);
    run.stderr_is(&format!(
        "error: control character U+001B in text: remove it
  ┌─ content/roles.yaml:3:500012
  │
3 │ …{}\\u{{1b}}{}…
  │  {}^^^^^^
  │
  = hint: control characters print as nothing, and in a terminal they act on it; only tabs and line breaks are allowed

error: `content` has 1 error

",
        &shown,
        &shown[1..],
        " ".repeat(100)
    ));
}
