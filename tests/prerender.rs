//! The prerender (`src/bin/prerender.rs`) run on the shipped stories, as the build runs it: every page is written,
//! every link on every page leads to a page that was written (or a file of the site), and every page has Get help
//! and Exit this page.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use safety_stories::engine::{HelpDirectory, LibraryIndex, Story};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A built site made of the fixture template and the shipped stories, in a folder of its own under target/.
fn site(name: &str) -> PathBuf {
    let site = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&root().join("stories"), &site.join("stories"));
    std::fs::copy(root().join("tests/fixtures/prerender/index.html"), site.join("index.html")).unwrap();
    site
}

fn prerender(site: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_prerender")).arg(site).output().unwrap()
}

/// Every `href="…"` in a page, unescaped as a browser reads it.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()).map(|l| l.replace("&amp;", "&")).collect()
}

/// `link` read from the page in `folder` (a path from the site's folder ending in `/`), as a path from the site's
/// folder without its `#…`; `None` when it leaves the site.
fn resolve(folder: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    let link = link.split('#').next().unwrap_or_default();
    let trailing = link.ends_with('/') || link.is_empty() || link == ".";
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/") + if trailing && !parts.is_empty() { "/" } else { "" })
}

#[test]
fn every_page_is_written_and_every_link_leads_to_a_written_page() {
    let site = site("prerender-shipped");
    let output = prerender(&site);
    assert!(output.status.success(), "prerender failed: {}", String::from_utf8_lossy(&output.stderr));

    let help =
        HelpDirectory::from_json(&std::fs::read_to_string(root().join("stories/help/services-uk.json")).unwrap())
            .unwrap()
            .value;
    let library = LibraryIndex::from_json(&std::fs::read_to_string(root().join("stories/library/index.json")).unwrap())
        .unwrap()
        .value;
    let mut expected: BTreeSet<String> = BTreeSet::from([String::new(), "help/".to_owned()]);
    for entry in &library.stories {
        let story = Story::from_json(&std::fs::read_to_string(root().join(&entry.file)).unwrap(), &help).unwrap().value;
        expected.insert(format!("story/{}/", entry.id));
        expected.extend(story.pages().unwrap().iter().map(|page| format!("story/{}/{}", entry.id, page.path())));
    }
    assert!(expected.len() > 60, "both stories' pages: {}", expected.len());

    for page in &expected {
        let file = site.join(page).join("index.html");
        let html = std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{} was not written", file.display()));
        assert!(
            html.contains(&format!("<div id=\"app\" data-prerendered=\"{page}\" data-source=\"")),
            "{page}: marked for the app"
        );
        assert!(
            html.contains("<div id=\"fallback\" class=\"fallback\" hidden>"),
            "{page}: the static help waits for a panic"
        );
        let depth = page.matches('/').count();
        assert!(
            html.contains(&format!(
                "href=\"{}style-0123456789abcdef.css\"",
                if depth == 0 { "./".to_owned() } else { "../".repeat(depth) }
            )),
            "{page}: the stylesheet is linked from the page's folder"
        );
        assert!(!html.contains("<title>Safety Stories</title>"), "{page}: a title of its own");

        let page_links = links(&html);
        let app = html.split("<div id=\"app\"").nth(1).unwrap_or_default();
        assert!(
            app.contains(
                "<a href=\"https://www.bbc.co.uk/weather\" target=\"_top\" rel=\"noreferrer\" class=\"exit-button\">"
            ),
            "{page}: Exit this page is a plain link to the neutral site in the page itself"
        );
        let to_help = links(app).iter().any(|l| resolve(page, l).as_deref() == Some("help/"));
        assert!(to_help || page == "help/", "{page}: a link to the help page");

        for link in &page_links {
            if link.starts_with("https:")
                || link.starts_with("tel:")
                || link.starts_with("mailto:")
                || link.starts_with('#')
            {
                continue;
            }
            let target = resolve(page, link).unwrap_or_else(|| panic!("{page}: {link} leaves the site's folder"));
            if target.is_empty() || target.ends_with('/') {
                assert!(expected.contains(&target), "{page}: {link} leads to {target}, which is not a page");
                assert!(site.join(&target).join("index.html").is_file(), "{page}: {link}: {target}index.html");
            } else if target.starts_with("assets/") || target == "about.html" {
                assert!(root().join(&target).is_file(), "{page}: {link} names {target}, which is not in the site");
            } else {
                let known = [
                    "teacher.html",
                    "style-0123456789abcdef.css",
                    "icon-0123456789abcdef.svg",
                    "safety-stories-0123456789abcdef.js",
                    "safety-stories-0123456789abcdef_bg.wasm",
                ];
                assert!(
                    known.contains(&target.as_str()),
                    "{page}: {link} names {target}, which the build does not write"
                );
            }
        }
    }
    let written = walk(&site);
    assert_eq!(written, expected, "exactly the pages expected are written");
}

/// Every folder of the site with an index.html, as a path from the site's folder.
fn walk(site: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir.join("index.html").is_file() {
            let path = dir.strip_prefix(site).unwrap().to_string_lossy().replace('\\', "/");
            found.insert(if path.is_empty() { path } else { path + "/" });
        }
        for entry in std::fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() && entry.file_name() != "stories" {
                stack.push(entry.path());
            }
        }
    }
    found
}

#[test]
fn a_choice_link_goes_to_the_page_with_the_flags_it_sets() {
    let site = site("prerender-flags");
    assert!(prerender(&site).status.success());
    let html = std::fs::read_to_string(site.join("story/sharing-an-image/the-ask/index.html")).unwrap();
    assert!(
        html.contains("href=\"../../../story/sharing-an-image/ask-jordan/asked_jordan/\""),
        "asking Jordan sets asked_jordan, so its link says so"
    );
    assert!(html.contains("<title>A message late at night – Just one picture</title>"));
    let asked =
        std::fs::read_to_string(site.join("story/sharing-an-image/ask-jordan/asked_jordan/index.html")).unwrap();
    assert!(asked.contains("data-prerendered=\"story/sharing-an-image/ask-jordan/asked_jordan/\""));
    assert!(asked.contains("href=\"../../../../style-0123456789abcdef.css\""), "four folders down");
}

#[test]
fn a_site_already_prerendered_or_a_template_without_the_app_is_refused() {
    let site = site("prerender-twice");
    assert!(prerender(&site).status.success());
    let again = prerender(&site);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already a prerendered page"));
    let site = site_without_app();
    let output = prerender(&site);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("the template has 0 of `<div id=\"app\"></div>`"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn site_without_app() -> PathBuf {
    let site = site("prerender-no-app");
    let template = std::fs::read_to_string(site.join("index.html")).unwrap().replace("<div id=\"app\"></div>", "");
    std::fs::write(site.join("index.html"), template).unwrap();
    site
}

#[test]
fn a_page_carries_the_fingerprint_of_the_files_the_browser_downloads_to_take_it_over() {
    let site = site("prerender-fingerprint");
    assert!(prerender(&site).status.success());
    let read = |file: &str| std::fs::read_to_string(root().join(file)).unwrap();
    let scene = std::fs::read_to_string(site.join("story/sharing-an-image/the-ask/index.html")).unwrap();
    let files = [
        read("stories/library/index.json"),
        read("stories/help/services-uk.json"),
        read("stories/sharing-an-image.json"),
    ];
    let expected = safety_stories::ui::state::fingerprint(files.iter().map(String::as_str));
    assert!(scene.contains(&format!("data-source=\"{expected}\"")), "the library, the help and the story");
    let library = std::fs::read_to_string(site.join("index.html")).unwrap();
    let only_library = safety_stories::ui::state::fingerprint([files[0].as_str()]);
    assert!(
        library.contains(&format!("data-source=\"{only_library}\"")),
        "the library page is drawn from the library alone"
    );
    assert_ne!(expected, only_library);
}

#[test]
fn a_story_for_parents_and_carers_says_so_on_its_library_card_and_start_screen_instead_of_ages() {
    let site = site("parents-audience");
    assert!(prerender(&site).status.success(), "the prerender ran");
    let library = std::fs::read_to_string(site.join("index.html")).unwrap();
    let card = library
        .split("<li class=\"story-card")
        .find(|card| card.contains("When a picture is shared"))
        .expect("the parents' story has a card in the library");
    assert!(card.contains("<li>For parents and carers</li>"), "the card names its readers: {card}");
    assert!(!card.contains("Ages "), "the card gives no ages for adults: {card}");
    let intro = std::fs::read_to_string(site.join("story/when-a-picture-is-shared/index.html")).unwrap();
    assert!(intro.contains("<li>For parents and carers</li>"), "the start screen names its readers");
    assert!(!intro.contains("For ages"), "the start screen gives no ages for adults");
    let flagship = library.split("<li class=\"story-card").find(|c| c.contains("Just one picture")).unwrap();
    assert!(flagship.contains("<li>Ages 11–14</li>"), "a story for young people still gives its ages: {flagship}");
}

/// The comic layout is in the prerendered HTML itself, so the first paint, with no script, has the bubbles on the
/// art (the stylesheet places them by class) and the raster picture's copies: the comic fixture story
/// (`tests/fixtures/comic/`) added to the shipped library.
#[test]
fn a_comic_page_carries_its_bubbles_places_tails_and_picture_copies() {
    let site = site("prerender-comic");
    std::fs::copy(root().join("tests/fixtures/comic/comic-story.json"), site.join("stories/comic-fixture.json"))
        .unwrap();
    let index_file = site.join("stories/library/index.json");
    let mut index: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&index_file).unwrap()).unwrap();
    let mut entry = index["stories"][0].clone();
    entry["id"] = "comic-fixture".into();
    entry["file"] = "stories/comic-fixture.json".into();
    index["stories"].as_array_mut().unwrap().push(entry);
    std::fs::write(&index_file, index.to_string()).unwrap();
    let output = prerender(&site);
    assert!(output.status.success(), "the prerender ran: {}", String::from_utf8_lossy(&output.stderr));

    let strip = std::fs::read_to_string(site.join("story/comic-fixture/strip/index.html")).unwrap();
    for expected in [
        r#"<li class="bubble is-caption on-art at-x2 at-y3">"#,
        r#"<li class="bubble is-speech on-art at-x98 at-y4 at-r">"#,
        r#"<li class="bubble is-thought on-art at-x3 at-y97 at-up">"#,
        r#"<li class="bubble is-shout on-art at-x97 at-y96 at-r at-up">"#,
        r#"<svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false" class="tails">"#,
        r#"<polygon points="20,13 26,13 30,45" class="tail is-message">"#,
        r#"class="tail is-thought"></ellipse>"#,
    ] {
        assert!(strip.contains(expected), "the strip's page has {expected}");
    }
    assert_eq!(strip.matches("<figure class=\"panel\"").count(), 2, "two panels in the strip");
    assert!(!strip.contains("tail is-caption"), "a caption has no tail");

    let raster = std::fs::read_to_string(site.join("story/comic-fixture/raster/index.html")).unwrap();
    let copies = "../../../assets/comic-fixture/phone-480.png 480w, ../../../assets/comic-fixture/phone-960.png 960w, \
                  ../../../assets/comic-fixture/phone-1600.png 1600w";
    assert!(raster.contains(&format!(r#"srcset="{copies}""#)), "the raster panel lists its copies");
    assert!(raster.contains(r#"sizes="min(100vw, 100vh)""#), "and how wide a lone panel is drawn");
    assert!(raster.contains(r#"<li class="bubble is-caption"><span class="bubble-speaker visually-hidden">"#));
}

/// A story written in a language the player has words for (Welsh here) has its pages drawn in that language, with
/// `<html lang="cy">`; every other page stays English. The shipped stories are all English, so one is made Welsh.
#[test]
fn a_welsh_storys_pages_are_drawn_in_welsh_and_every_other_page_in_english() {
    use safety_stories::ui::prerender::{Sources, draw_pages, fill_template};
    let read = |file: &str| std::fs::read_to_string(root().join(file)).unwrap();
    let library = read("stories/library/index.json");
    let index = LibraryIndex::from_json(&library).unwrap().value;
    let mut stories: Vec<(String, String)> = index.stories.iter().map(|e| (e.file.clone(), read(&e.file))).collect();
    stories[0].1 = stories[0].1.replacen("\"language\": \"en-GB\"", "\"language\": \"cy\"", 1);
    let welsh_story = format!("story/{}/", index.stories[0].id);
    let sources = Sources {
        library,
        help: read("stories/help/services-uk.json"),
        stories,
        // The list the build writes from cy.json, as the prerender reads it from the built site.
        messages: vec![safety_stories::ui::messages::list_of_json(&read("assets/messages/cy.json")).unwrap()],
    };
    let template = read("tests/fixtures/prerender/index.html");
    let pages = draw_pages(sources).unwrap();
    for page in &pages {
        let html = fill_template(&template, page).unwrap();
        if page.path.starts_with(&welsh_story) {
            assert_eq!(page.language, "cy", "{} is drawn in its story's language", page.path);
            assert!(html.contains("<html lang=\"cy\">"), "{} says it is in Welsh", page.path);
            assert!(page.html.contains("Gadael y dudalen hon"), "{} has Exit this page in Welsh", page.path);
        } else {
            assert_eq!(page.language, "en-GB", "{} is drawn in English", page.path);
            assert!(html.contains("<html lang=\"en-GB\">"), "{} says it is in English", page.path);
            assert!(page.html.contains("Exit this page"), "{} has Exit this page in English", page.path);
        }
    }
    assert!(pages.iter().any(|p| p.path.starts_with(&welsh_story)), "the Welsh story has pages");
}
