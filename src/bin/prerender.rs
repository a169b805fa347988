//! Writes every page of the player into a built site as static HTML (see `ui::prerender`): `index.html` (the
//! library), `help/index.html`, `story/ID/index.html` and `story/ID/SCENE/[FLAGS/]index.html`. It reads the
//! stories, the help and the library from the built site itself, so the pages show exactly what is served, and
//! takes the built `index.html` as the template.
//!
//! `prerender DIST`: run by trunk's post-build hook (`scripts/post-build.mjs`) on the folder trunk is building.
//! `prerender --translations DIST`, run by the same hook first, writes what the build makes from translators' files:
//! each message file as the list the player downloads, and each story translation as a whole story.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;

    use safety_stories::engine::LibraryIndex;
    use safety_stories::ui::prerender::{Sources, draw_pages, fill_template};

    const LIBRARY: &str = "stories/library/index.json";
    const HELP: &str = "stories/help/services-uk.json";

    /// The built site's message lists (`messages::file_of`, written by `write_message_lists`) other than English's,
    /// which native code has compiled in.
    fn other_messages(site: &Path) -> Result<Vec<String>, String> {
        let folder = site.join("assets/messages");
        let Ok(entries) = std::fs::read_dir(&folder) else { return Ok(Vec::new()) };
        let mut texts = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.ends_with(".list.json") && name != "en-GB.list.json" {
                texts.push(std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?);
            }
        }
        Ok(texts)
    }

    /// Writes each message file of the built site (`assets/messages/LANG.json`, as translators write it) as the list
    /// by slot that the player downloads (`LANG.list.json`, see `messages::list_of_json`), and removes the keyed
    /// file, which no page reads. Each list has English's text wherever its file has none, so a reader downloads
    /// only the list of the language in use.
    fn write_message_lists(site: &Path) -> Result<usize, String> {
        let folder = site.join("assets/messages");
        let Ok(entries) = std::fs::read_dir(&folder) else { return Ok(0) };
        let mut written = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            let Some(language) = name.strip_suffix(".json").filter(|stem| !stem.ends_with(".list")) else { continue };
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let list = safety_stories::ui::messages::list_of_json(&text)
                .ok_or_else(|| format!("{} is not a flat JSON object of texts", path.display()))?;
            let list_file = folder.join(format!("{language}.list.json"));
            std::fs::write(&list_file, list).map_err(|e| format!("cannot write {}: {e}", list_file.display()))?;
            std::fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
            written += 1;
        }
        Ok(written)
    }

    fn run(site: &Path) -> Result<usize, String> {
        let read = |file: &str| {
            std::fs::read_to_string(site.join(file))
                .map_err(|e| format!("cannot read {}: {e}", site.join(file).display()))
        };
        let template = read("index.html")?;
        if template.contains("data-prerendered") {
            return Err(format!(
                "{} is already a prerendered page: build the site again",
                site.join("index.html").display()
            ));
        }
        let library = read(LIBRARY)?;
        let index = LibraryIndex::from_json(&library).map_err(|_| format!("{LIBRARY} does not load"))?.value;
        let stories = index
            .stories
            .iter()
            .map(|entry| Ok((entry.file.clone(), read(&entry.file)?)))
            .collect::<Result<_, String>>()?;
        let pages = draw_pages(Sources { library, help: read(HELP)?, stories, messages: other_messages(site)? })?;
        for page in &pages {
            let folder = site.join(&page.path);
            std::fs::create_dir_all(&folder).map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
            let html = fill_template(&template, page)?;
            let file = folder.join("index.html");
            std::fs::write(&file, html).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        }
        Ok(pages.len())
    }

    /// Writes each translation the library lists as a whole story in that language (`stories/LANG/ID.json`, see
    /// `LibraryEntry::translated_story_file`), held to every check of a story. Run before the offline copy's list
    /// of files is written, so the translated stories are in it.
    fn translate(site: &Path) -> Result<usize, String> {
        use safety_stories::engine::{HelpDirectory, Story, Translation};
        let read = |file: &str| {
            std::fs::read_to_string(site.join(file))
                .map_err(|e| format!("cannot read {}: {e}", site.join(file).display()))
        };
        let index = LibraryIndex::from_json(&read(LIBRARY)?).map_err(|_| format!("{LIBRARY} does not load"))?.value;
        let help = HelpDirectory::from_json(&read(HELP)?).map_err(|_| format!("{HELP} does not load"))?.value;
        let mut written = 0;
        for entry in &index.stories {
            for listing in &entry.translations {
                let Some(file) = entry.translated_story_file(&listing.language) else {
                    return Err(format!("{LIBRARY}: {} has a translation with an unusable language tag", entry.id));
                };
                let translation = Translation::from_json(&read(&listing.file)?)
                    .map_err(|_| format!("{} does not load: check it with storycheck", listing.file))?
                    .value;
                let story = Story::from_json_translated(&read(&entry.file)?, &translation, &help)
                    .map_err(|_| {
                        format!("{} does not apply to {}: check it with storycheck", listing.file, entry.file)
                    })?
                    .value;
                let json = serde_json::to_string(story.doc()).map_err(|e| format!("cannot write {file}: {e}"))?;
                let path = site.join(&file);
                std::fs::create_dir_all(path.parent().expect("a story file is in a folder"))
                    .map_err(|e| format!("cannot make the folder of {}: {e}", path.display()))?;
                std::fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                written += 1;
            }
        }
        Ok(written)
    }

    let mut args = std::env::args_os().skip(1);
    let (translations, site) = match (args.next(), args.next()) {
        (Some(flag), Some(site)) if flag == "--translations" => (true, site),
        (Some(site), None) => (false, site),
        _ => {
            eprintln!("usage: prerender [--translations] DIST (the built site, with index.html and stories/)");
            return std::process::ExitCode::from(2);
        }
    };
    if translations {
        let written = write_message_lists(Path::new(&site))
            .and_then(|lists| translate(Path::new(&site)).map(|stories| (lists, stories)));
        return match written {
            Ok((lists, count)) => {
                println!(
                    "prerender: wrote {lists} message lists and {count} translated stories into {}",
                    Path::new(&site).display()
                );
                std::process::ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("prerender: {problem}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    match run(Path::new(&site)) {
        Ok(count) => {
            println!("prerender: wrote {count} pages into {}", Path::new(&site).display());
            std::process::ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("prerender: {problem}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
