//! `resume build` on the example content and on broken projects.

use super::{PERSON, Test, example_content, pages, poppler, text};

fn build_example(profile: &str, extra: &[&str]) -> (Test, super::Run) {
    let content = example_content();
    let t = Test::new()
        .args(&["build", "cv", "--profile", profile, "--content"])
        .args(&[content.to_str().unwrap()]);
    let t = t
        .args(&["--out", "dist", "--date", "2026-11-01"])
        .args(extra);
    let run = t.run().success();
    (t, run)
}

#[test]
fn backend_cv_is_one_page_with_the_backend_roles() {
    let (t, run) = build_example("backend", &[]);
    let pdf = t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf");
    let run = run.stdout_starts_with("wrote dist/backend/Ilka-Moravec-Dunmore-CV.pdf (1 page, ");
    assert!(
        run.stdout.contains("built 1 document in "),
        "{}",
        run.stdout
    );
    assert_eq!(pages(&pdf), 1);
    let text = text(&pdf);
    for expected in [
        "Ilka Moravec-Dunmore",
        "Senior backend engineer",
        "Staff Engineer, Payments Platform · Halden Pay May 2022 – present",
        "a European logistics company",
        "Kestrel Search",
        "Pollux Media",
        "Halden Ledger",
        "EXPERIENCE",
        "SKILLS",
        "EDUCATION",
    ] {
        assert!(
            text.contains(expected),
            "backend CV lacks {expected:?}:\n{text}"
        );
    }
    // Default-mode pdftotext (what people paste from) keeps the name on one line.
    assert!(poppler("pdftotext", &[], &pdf).starts_with("Ilka Moravec-Dunmore\n"));
    // Left out by the profile: the frontend role and project, and the confidential name.
    for absent in ["Brightloop", "Clinic", "React", "Vandermeer"] {
        assert!(
            !text.contains(absent),
            "backend CV shows {absent:?}:\n{text}"
        );
    }
}

#[test]
fn fullstack_cv_selects_other_roles_projects_and_bullets() {
    let (t, _) = build_example("fullstack", &[]);
    let pdf = t.path("dist/fullstack/Ilka-Moravec-Dunmore-CV.pdf");
    assert_eq!(pages(&pdf), 1);
    let text = text(&pdf);
    for expected in [
        "Full-stack engineer",
        "Brightloop",
        "React",
        "100% keyboard",
    ] {
        assert!(
            text.contains(expected),
            "fullstack CV lacks {expected:?}:\n{text}"
        );
    }
    for absent in [
        "Kestrel Search",
        "a European logistics company",
        "Kafka pipeline",
    ] {
        assert!(
            !text.contains(absent),
            "fullstack CV shows {absent:?}:\n{text}"
        );
    }
}

#[test]
fn private_build_names_confidential_organisations() {
    let (t, _) = build_example("backend", &["--private"]);
    let text = text(&t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf"));
    assert!(text.contains("Vandermeer Freight Systems"), "{text}");
    assert!(!text.contains("a European logistics company"), "{text}");
}

#[test]
fn every_font_is_embedded_and_metadata_is_set() {
    let (t, _) = build_example("backend", &[]);
    let pdf = t.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf");
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... emb sub uni object ID: `emb` is the fifth column from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
        assert!(cols[0].contains("Inter"), "unexpected font {row}");
    }
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Title:           Ilka Moravec-Dunmore — CV"),
        "{info}"
    );
    assert!(
        info.contains("Author:          Ilka Moravec-Dunmore"),
        "{info}"
    );
    assert!(info.contains("Keywords:        "), "{info}");
}

#[test]
fn same_input_gives_the_same_bytes() {
    let (a, _) = build_example("backend", &[]);
    let (b, _) = build_example("backend", &[]);
    let first = std::fs::read(a.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf")).unwrap();
    let second = std::fs::read(b.path("dist/backend/Ilka-Moravec-Dunmore-CV.pdf")).unwrap();
    assert!(first == second, "two builds of the same input differ");
}

#[test]
fn build_without_profile_builds_every_profile() {
    let content = example_content();
    let t = Test::new().args(&[
        "build",
        "--content",
        content.to_str().unwrap(),
        "--date",
        "2026-11-01",
    ]);
    let run = t.run().success();
    // Every CV is one page, but for the profile that allows two.
    for (profile, n) in [
        ("backend", 1),
        ("fullstack", 1),
        ("leadership", 1),
        ("longform", 2),
        ("streaming", 1),
    ] {
        let s = if n == 1 { "" } else { "s" };
        assert!(
            run.stdout.contains(&format!(
                "wrote dist/{profile}/Ilka-Moravec-Dunmore-CV.pdf ({n} page{s}"
            )),
            "{}",
            run.stdout
        );
        assert_eq!(
            pages(&t.path(&format!("dist/{profile}/Ilka-Moravec-Dunmore-CV.pdf"))),
            n
        );
    }
    // Each profile: a CV, a portfolio and its handouts.
    assert!(
        run.stdout.contains("built 44 documents in"),
        "{}",
        run.stdout
    );
}

#[test]
fn missing_content_folder() {
    Test::new().args(&["build"]).run().failure().stderr_is(
        "error: cannot read the content folder `content`: No such file or directory
 = hint: run `resume` where your `content/` folder is, or pass `--content DIR` (a folder or one YAML file)

",
    );
}

#[test]
fn unknown_profile_lists_the_known_ones() {
    let content = example_content();
    Test::new()
        .args(&[
            "build",
            "--profile",
            "backedn",
            "--content",
            content.to_str().unwrap(),
        ])
        .run()
        .failure()
        .stderr_is(
            "error: unknown profile `backedn`
 = hint: did you mean `backend`?
 = hint: known profiles: `all`, `backend`, `fullstack`, `leadership`, `longform`, `streaming`

",
        );
}

#[test]
fn content_error_stops_the_build_before_anything_is_written() {
    let t = Test::with_content("bad.yaml", "projets: []\n").args(&["build"]);
    t.run().failure().stderr_has("┌─ content/bad.yaml:1:1");
    assert!(!t.path("dist").exists());
}

/// A project with a valid person, a profile, and a template of its own.
fn with_template(template: &str) -> Test {
    Test::new()
        .file("content/person.yaml", PERSON)
        .file("templates/cv.typ", template)
        .args(&["build", "--date", "2026-11-01"])
}

#[test]
fn template_error_points_at_the_template_line() {
    with_template(
        "#let data = json(sys.inputs.data)\n= #data.person.name\n#data.person.nickname\n",
    )
    .run()
    .failure()
    .stderr_has("error: dictionary does not contain key \"nickname\"\n  ┌─ templates/cv.typ:3:14\n")
    .stderr_has("error: `dist/all/Ada-Example-CV.pdf` of profile `all` could not be built; it was not written");
}

#[test]
fn an_error_in_a_projects_own_lib_typ_is_reported_once() {
    // While the content loads, a few lines that import `lib.typ` are laid out beside the
    // build (a warm-up); what that finds wrong is left for the real compile to say.
    let run = with_template("#import \"lib.typ\": *\n= #greeting\n")
        .file(
            "templates/lib.typ",
            "#let greeting = \"Hi\"\n#assert(false, message: \"lib.typ is broken\")\n",
        )
        .args(&["cv"])
        .run()
        .failure()
        .stderr_has("error: assertion failed: lib.typ is broken\n  ┌─ templates/lib.typ:2:2\n");
    assert_eq!(
        run.stderr.matches("assertion failed").count(),
        1,
        "{}",
        run.stderr
    );
}

/// The PDFs and the manifest are ordinary files: written through a temporary file, they
/// must still get the mode any new file gets (not the temporary file's private 0600).
#[cfg(unix)]
#[test]
fn written_files_get_the_mode_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let (t, _) = build_example("backend", &[]);
    let mode = |rel: &str| {
        let meta = std::fs::metadata(t.path(rel)).unwrap();
        meta.permissions().mode() & 0o777
    };
    std::fs::write(t.path("plain"), b"x").unwrap();
    let plain = mode("plain");
    if plain == 0o600 {
        eprintln!("skipped: with this umask a new file is private too");
        return;
    }
    assert_eq!(mode("dist/backend/Ilka-Moravec-Dunmore-CV.pdf"), plain);
    assert_eq!(mode("dist/manifest.json"), plain);
}

#[test]
fn a_failed_build_leaves_the_previous_pdf_untouched() {
    let t = with_template("#let data = json(sys.inputs.data)\n= #data.person.name\n");
    t.run().success();
    let pdf = super::doc(&t.path("dist/all"), "-CV.pdf");
    let before = std::fs::read(&pdf).unwrap();
    let t = t.file(
        "templates/cv.typ",
        "#let data = json(sys.inputs.data)\n#data.nope\n",
    );
    t.run().failure();
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
    let leftovers: Vec<String> = std::fs::read_dir(t.path("dist/all"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".resume-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files were left behind: {leftovers:?}"
    );
}

#[test]
fn templates_cannot_import_packages() {
    with_template("#import \"@preview/example:0.1.0\": *\n")
        .run()
        .failure()
        .stderr_has("package imports such as `@preview/example:0.1.0` are not available: resume compiles offline")
        .stderr_has("┌─ templates/cv.typ:1:9");
}

#[test]
fn templates_cannot_read_outside_the_project() {
    let t = with_template("#read(\"secret.txt\")\n#read(\"../outside.txt\")\n");
    std::os::unix::fs::symlink("/etc/hostname", t.path("templates/secret.txt")).unwrap();
    t.run()
        .failure()
        .stderr_has("`templates/secret.txt` leads outside the project folder, and only files inside it can be read")
        .stderr_has("┌─ templates/cv.typ:1:7");
    with_template("#read(\"/../../etc/hostname\")\n")
        .run()
        .failure()
        .stderr_has("error:");
}

#[test]
fn output_folder_inside_content_is_refused() {
    Test::with_content("x.yaml", "")
        .args(&["build", "--out", "content/pdf"])
        .run()
        .failure()
        .stderr_has("error: the output folder `content/pdf` is inside the content folder");
}

#[test]
fn literal_text_is_printed_as_typed() {
    let person = "person:\n  name: 'C# $5M <tag> @handle #read(\"/etc/passwd\") *x* _y_ = h'\n  headline: \"100% `code` [link] {} \\\\ ~ // c /* c */\"\n";
    let t =
        Test::new()
            .file("content/person.yaml", person)
            .args(&["build", "--date", "2026-11-01"]);
    t.run().success();
    // Long lines wrap; compare with the line breaks folded to spaces.
    let text = text(&super::doc(&t.path("dist/all"), "-CV.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("C# $5M <tag> @handle #read(\"/etc/passwd\") *x* _y_ = h"),
        "{text}"
    );
    assert!(
        text.contains("100% `code` [link] {} \\ ~ // c /* c */"),
        "{text}"
    );
}

#[test]
fn scripts_print_as_typed_and_missing_glyphs_are_named() {
    let person = "person:\n  name: Dvořák Müller Ωμέγα Жуков שלום\n  headline: São Paulo 漢字\n";
    let t = Test::new().file("content/person.yaml", person).args(&[
        "build",
        "cv",
        "--date",
        "2026-11-01",
    ]);
    // A character no font has is an error at the value that holds it: no PDF.
    t.run().failure().stderr_is(
        "error: no font has `漢` (U+6F22), `字` (U+5B57), which `dist/all/Dvorak-Muller-Omega-Zhukov-shlvm-CV.pdf` prints; they would print as empty boxes
  ┌─ content/person.yaml:3:13
  │
3 │   headline: São Paulo 漢字
  │             ^^^^^^^^^^^^^^
  │
  = hint: fonts that have them, for Chinese, Japanese and Korean: Noto Sans CJK (SC, TC, JP or KR), WenQuanYi Micro Hei; put one in a `fonts/` folder beside `content/`, or use the fonts installed on this machine with `--system-fonts`

error: `dist/all/Dvorak-Muller-Omega-Zhukov-shlvm-CV.pdf` of profile `all` could not be built; it was not written

error: 1 of 1 documents failed: `dist/all/Dvorak-Muller-Omega-Zhukov-shlvm-CV.pdf`

",
    );
    assert!(super::no_doc(&t.path("dist/all"), "-CV.pdf"));
    // The fonts installed on the machine are the escape (scripts/test installs
    // fonts-wqy-microhei, which has them).
    let system = Test::new().file("content/person.yaml", person).args(&[
        "build",
        "cv",
        "--date",
        "2026-11-01",
        "--system-fonts",
    ]);
    system.run().success().stderr_besides_fill_is("");
    assert!(text(&super::doc(&system.path("dist/all"), "-CV.pdf")).contains("漢字"));
    // The other scripts print as typed, from the fonts built in.
    let t = Test::new()
        .file("content/person.yaml", &person.replace(" 漢字", ""))
        .args(&["build", "cv", "--date", "2026-11-01"]);
    t.run().success().stderr_besides_fill_is("");
    let text = text(&super::doc(&t.path("dist/all"), "-CV.pdf"));
    for typed in ["Dvořák", "Müller", "Ωμέγα", "Жуков", "שלום", "São Paulo"] {
        assert!(text.contains(typed), "{typed} missing from:\n{text}");
    }
}

/// A free font from Debian's `fonts-dejavu-core` (scripts/test installs it).
const DEJAVU_SANS: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

#[test]
fn a_fonts_folder_beside_the_content_is_used() {
    let font = std::fs::read(DEJAVU_SANS).unwrap_or_else(|e| {
        panic!("{DEJAVU_SANS} is needed by this test (Debian: fonts-dejavu-core): {e}")
    });
    let person =
        "person:\n  name: Ada Example\n  headline: Engineer\ndesign:\n  font: DejaVu Sans\n";
    let t = Test::new().file("content/person.yaml", person).args(&[
        "build",
        "cv",
        "--date",
        "2026-11-01",
    ]);
    // Without the folder, the font is unknown, at its place.
    t.run()
        .failure()
        .stderr_has("error: there is no font `DejaVu Sans`\n  ┌─ content/person.yaml:5:9\n");
    std::fs::create_dir(t.path("fonts")).unwrap();
    std::fs::write(t.path("fonts/DejaVuSans.ttf"), font).unwrap();
    t.run().success();
    let fonts = poppler("pdffonts", &[], &super::doc(&t.path("dist/all"), "-CV.pdf"));
    assert!(fonts.contains("DejaVuSans "), "{fonts}");
}

#[test]
fn a_figure_must_be_a_real_image() {
    let project = "projects:\n  - id: p\n    title: P\n    classification: tool\n    tagline: t\n    figures:\n      - {path: figures/diagram.png, alt: A diagram}\n";
    Test::with_content("projects.yaml", project)
        .file("content/figures/diagram.png", "<html>not a picture</html>")
        .args(&["check"])
        .run()
        .failure()
        .stderr_has("error: `figures/diagram.png` is not a real PNG image: its content does not start like one\n  ┌─ content/projects.yaml:7:16");
}

#[test]
fn temporary_files_an_interrupted_write_left_are_removed_by_the_next_build() {
    // A `kill -9` between writing a temporary file and renaming it into place left
    // `.resume-XXXXXX.tmp` behind for ever.
    let t = Test::new().file("content/person.yaml", PERSON).args(&[
        "build",
        "cv",
        "--date",
        "2026-11-01",
    ]);
    t.run().success();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let old = |t: Test, rel: &str| {
        let t = t.file(rel, "%PDF-half");
        std::fs::File::options()
            .write(true)
            .open(t.path(rel))
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
        t
    };
    let t = old(t, "dist/all/.resume-AbC123.tmp");
    let t = old(t, "dist/.resume-Zz9xY0.tmp");
    // Not ours, or not left over: another name, or a write in progress (just touched).
    let t = old(t, "dist/all/.resume-toolong.tmp");
    let t = old(t, "dist/all/.resume-AbC123.tmp.bak");
    let t = old(t, "dist/all/resume-AbC123.tmp");
    let t = old(t, "mine/.resume-AbC123.tmp");
    let t = old(t, "elsewhere/.resume-AbC123.tmp");
    let t = t.file("dist/all/.resume-Fresh1.tmp", "%PDF-writing");
    // A folder behind a link is not searched, even when the manifest names it.
    std::os::unix::fs::symlink(t.path("elsewhere"), t.path("dist/link")).unwrap();
    let manifest = std::fs::read_to_string(t.path("dist/manifest.json")).unwrap();
    std::fs::write(
        t.path("dist/manifest.json"),
        manifest.replace("\"all/Ada-Example-CV.pdf\"", "\"link/Ada-Example-CV.pdf\""),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        t.path("mine/.resume-AbC123.tmp"),
        t.path("dist/.resume-Link01.tmp"),
    )
    .unwrap();
    let run = t.run().success();
    assert!(
        run.stdout
            .contains("removed dist/all/.resume-AbC123.tmp (left by an interrupted write)\n")
            && run
                .stdout
                .contains("removed dist/.resume-Zz9xY0.tmp (left by an interrupted write)\n"),
        "{}",
        run.stdout
    );
    assert!(!t.path("dist/all/.resume-AbC123.tmp").exists());
    assert!(!t.path("dist/.resume-Zz9xY0.tmp").exists());
    for kept in [
        "dist/all/.resume-toolong.tmp",
        "dist/all/.resume-AbC123.tmp.bak",
        "dist/all/resume-AbC123.tmp",
        "dist/all/.resume-Fresh1.tmp",
        "mine/.resume-AbC123.tmp",
        "elsewhere/.resume-AbC123.tmp",
    ] {
        assert!(t.path(kept).is_file(), "{kept} was removed");
    }
    assert!(t.path("dist/.resume-Link01.tmp").symlink_metadata().is_ok());
    assert!(super::doc(&t.path("dist/all"), "-CV.pdf").is_file());
}
