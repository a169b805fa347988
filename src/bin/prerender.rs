//! Writes every page of the player into a built site as static HTML (see `ui::prerender`): `index.html` (the
//! library), `help/index.html`, `story/ID/index.html` and `story/ID/SCENE/[FLAGS/]index.html`. It reads the
//! stories, the help and the library from the built site itself, so the pages show exactly what is served, and
//! takes the built `index.html` as the template.
//!
//! `prerender DIST`: run by trunk's post-build hook (`scripts/post-build.mjs`) on the folder trunk is building.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;

    use safety_stories::engine::LibraryIndex;
    use safety_stories::ui::prerender::{Sources, draw_pages, fill_template};

    const LIBRARY: &str = "stories/library/index.json";
    const HELP: &str = "stories/help/services-uk.json";

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
        let pages = draw_pages(Sources { library, help: read(HELP)?, stories })?;
        for page in &pages {
            let folder = site.join(&page.path);
            std::fs::create_dir_all(&folder).map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
            let html = fill_template(&template, page)?;
            let file = folder.join("index.html");
            std::fs::write(&file, html).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        }
        Ok(pages.len())
    }

    let Some(site) = std::env::args_os().nth(1) else {
        eprintln!("usage: prerender DIST (the built site, with index.html and stories/)");
        return std::process::ExitCode::from(2);
    };
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
