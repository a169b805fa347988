//! `storycheck`: checks story files the way a compiler checks code, and shows their shape.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

// The authoring checks (lint, reading level, alt texts) and the picture report live in files of their own beside
// this one.
#[cfg(not(target_arch = "wasm32"))]
#[path = "storycheck/assets.rs"]
mod assets;
#[cfg(not(target_arch = "wasm32"))]
#[path = "storycheck/authoring.rs"]
mod authoring;
#[cfg(not(target_arch = "wasm32"))]
#[path = "storycheck/paths.rs"]
mod paths;
#[cfg(not(target_arch = "wasm32"))]
#[path = "storycheck/translations.rs"]
mod translations;
#[cfg(not(target_arch = "wasm32"))]
#[path = "storycheck/twee.rs"]
mod twee;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use anyhow::{Context, Result};
    use clap::{Parser, Subcommand, ValueEnum};
    use safety_stories::engine::{
        Diagnostic, EndingKind, HelpDirectory, JsonPath, LibraryEntry, LibraryIndex, MAX_PAGES, Stats, Story,
        dot_graph, json_safe, mermaid_graph, terminal_safe, without_byte_order_mark,
    };

    use super::authoring;

    /// Checks safety story files and shows their branch map and statistics.
    #[derive(Parser)]
    #[command(name = "storycheck", version, args_conflicts_with_subcommands = true)]
    struct Cli {
        #[command(subcommand)]
        command: Option<Command>,
        /// Story files to check (the same as `storycheck check FILES`).
        files: Vec<PathBuf>,
        #[command(flatten)]
        check: CheckOptions,
    }

    #[derive(clap::Args, Clone)]
    struct CheckOptions {
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Output::Text)]
        format: Output,
        /// The help directory (standard services) that endings may name.
        #[arg(long, default_value = "stories/help/services-uk.json")]
        services: PathBuf,
        /// The folder that image paths (`assets/...`) are relative to.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    }

    #[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
    enum Output {
        Text,
        Json,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check story files: compiler-style problems, exit 1 on any error.
        Check {
            files: Vec<PathBuf>,
            #[command(flatten)]
            check: CheckOptions,
        },
        /// Print the branch map as Mermaid (or DOT).
        Graph {
            file: PathBuf,
            /// Print Graphviz DOT instead of Mermaid.
            #[arg(long)]
            dot: bool,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
        },
        /// Print scenes, choices, endings, paths and reading time.
        Stats {
            file: PathBuf,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
            /// Print JSON instead of text.
            #[arg(long)]
            json: bool,
        },
        /// Check wording (UKCIS and CEOP guidance, plus `wording.json` beside the stories), reading level against
        /// each story's age band, bubbles that would overlap or leave their panel, and how old the help facts are. Warnings only; exit 1 with --deny-warnings.
        Lint {
            files: Vec<PathBuf>,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
            /// Today's date (YYYY-MM-DD) for the help facts' age; the system clock if not given.
            #[arg(long)]
            today: Option<String>,
            /// Exit 1 if anything is found.
            #[arg(long)]
            deny_warnings: bool,
        },
        /// Measure every picture a story shows (cover and panels, with each width variant): size, aspect ratio,
        /// bytes raw and brotli. Warns about a missing variant, a picture that is not 8:5 (the frame would crop it)
        /// and a panel over the byte budget; exit 1 on a missing picture, or on any warning with --deny-warnings.
        Assets {
            file: PathBuf,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
            /// The folder that image paths (`assets/...`) are relative to.
            #[arg(long, default_value = ".")]
            root: PathBuf,
            /// The most bytes a panel may cost a reader at its largest width (brotli for SVG, the file for PNG,
            /// JPEG, WebP and AVIF).
            #[arg(long, default_value_t = 120_000)]
            budget_bytes: usize,
            /// Exit 1 if anything is found.
            #[arg(long)]
            deny_warnings: bool,
        },
        /// Print one shortest way to each ending: Continue, or a choice by its place among those offered.
        Paths {
            file: PathBuf,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
            /// Print JSON (for the end-to-end tests) instead of one line per ending.
            #[arg(long)]
            json: bool,
        },
        /// Print the library index (`stories/index.json`) for the story files given.
        Index {
            files: Vec<PathBuf>,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
        },
        /// Turn a Twee 3 file (Twine 2: Build > Export As Twee) into a story file. Passages become scenes, links
        /// choices, passages tagged ending-positive/ending-mixed/ending-concerning endings; see
        /// docs/making-a-story.md. Exit 1, writing nothing, on anything it cannot map.
        Import {
            /// The `.twee` file Twine exported.
            twee: PathBuf,
            /// An earlier JSON of the story: its panels, teacher notes, discussion questions, endings' help and
            /// debrief, cover and teacher's guide are kept, matched by scene id.
            #[arg(long)]
            into: Option<PathBuf>,
            /// Where to write the story JSON (printed if not given).
            #[arg(long)]
            out: Option<PathBuf>,
        },
        /// Write a story as Twee 3 (SugarCube), to open in Twine 2 (Library > Import) and import again later.
        Export {
            /// The story file (JSON) to write as Twee.
            file: PathBuf,
            /// Write Twee 3 (the only format for now).
            #[arg(long, required = true)]
            twee: bool,
            /// Where to write it (printed if not given).
            #[arg(long)]
            out: Option<PathBuf>,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
        },
        /// Print the JSON Schema of the story format (or of help files with --help-file, or of translation files
        /// with --translation).
        Schema {
            #[arg(long)]
            help_file: bool,
            #[arg(long, conflicts_with = "help_file")]
            translation: bool,
        },
        /// Translate a story with gettext PO files (Poedit, Weblate): `po export` and `po import`.
        Po {
            #[command(subcommand)]
            command: PoCommand,
        },
    }

    #[derive(Subcommand)]
    enum PoCommand {
        /// Write a PO file to translate a story: msgctxt is each text's place, msgid the English, msgstr the
        /// translation so far (from stories/ID.LANG.json), `#.` comments name the speaker and the teacher's notes,
        /// and `#, fuzzy` marks translations whose English has changed.
        Export {
            /// The story file (JSON), or the help file (stories/help/services-uk.json).
            file: PathBuf,
            /// The language to translate into, e.g. `cy`.
            #[arg(long)]
            lang: String,
            /// Where to write it (printed if not given).
            #[arg(long)]
            out: Option<PathBuf>,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
        },
        /// Read a translated PO file into stories/ID.LANG.json, keeping its status and credits. Exit 1, writing
        /// nothing, on any problem (each at its PO line).
        Import {
            /// The translated PO file.
            po: PathBuf,
            /// The translation file to write, named ID.LANG.json beside its story (or help file).
            #[arg(long)]
            into: PathBuf,
            /// The story file, if it is not ID.json beside the translation.
            #[arg(long)]
            story: Option<PathBuf>,
            #[arg(long, default_value = "stories/help/services-uk.json")]
            services: PathBuf,
        },
    }

    pub fn main() -> ExitCode {
        match run(Cli::parse()) {
            Ok(code) => code,
            Err(err) => {
                // File names and file contents reach this message, so it is escaped like everything printed.
                eprintln!("storycheck: {}", terminal_safe(&format!("{err:#}")));
                ExitCode::from(2)
            }
        }
    }

    fn run(cli: Cli) -> Result<ExitCode> {
        match cli.command {
            None => check(&cli.files, &cli.check),
            Some(Command::Check { files, check: options }) => check(&files, &options),
            Some(Command::Graph { file, dot, services }) => {
                let story = load_or_report(&file, &load_help(&services)?)?;
                print!("{}", if dot { dot_graph(&story, ending_words) } else { mermaid_graph(&story, ending_words) });
                Ok(ExitCode::SUCCESS)
            }
            Some(Command::Stats { file, services, json }) => {
                let story = load_or_report(&file, &load_help(&services)?)?;
                let stats = Stats::of(&story);
                if json {
                    println!("{}", serde_json::to_string_pretty(&stats)?);
                } else {
                    print_stats(&story, &stats);
                }
                Ok(ExitCode::SUCCESS)
            }
            Some(Command::Paths { file, services, json }) => {
                super::paths::print(&load_or_report(&file, &load_help(&services)?)?, json).map(|()| ExitCode::SUCCESS)
            }
            Some(Command::Assets { file, services, root, budget_bytes, deny_warnings }) => {
                let story = load_or_report(&file, &load_help(&services)?)?;
                let source = std::fs::read_to_string(&file)?;
                println!("{}", terminal_safe(&file.display().to_string()));
                let found = super::assets::report(&story, &source, &root, budget_bytes);
                for line in problem_lines(&found, &file.display().to_string()) {
                    println!("{line}");
                }
                let errors = found.iter().filter(|d| d.is_error()).count();
                eprintln!("storycheck assets: {errors} error(s), {} warning(s)", found.len() - errors);
                Ok(if errors > 0 || (deny_warnings && !found.is_empty()) {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                })
            }
            Some(Command::Lint { files, services, today, deny_warnings }) => {
                let found = authoring::lint(&files, &services, today.as_deref())?;
                Ok(if deny_warnings && found > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
            }
            Some(Command::Index { files, services }) => {
                let help = load_help(&services)?;
                let mut entries = Vec::new();
                let mut translations = Vec::new();
                for file in &files {
                    if super::translations::story_of(file).is_some() {
                        translations.push(super::translations::listing(file)?);
                        continue;
                    }
                    let story = load_or_report(file, &help)?;
                    let name = file.file_name().context("story path has no file name")?.to_string_lossy();
                    entries.push(LibraryEntry::of(&story, &format!("stories/{name}")));
                }
                entries.sort_by(|a, b| a.id.cmp(&b.id));
                translations.sort_by(|a, b| a.1.language.cmp(&b.1.language));
                for (story, listing) in translations {
                    let entry = entries.iter_mut().find(|entry| entry.id == story).with_context(|| {
                        format!("{} translates story `{story}`, which is not among the files given", listing.file)
                    })?;
                    entry.translations.push(listing);
                }
                let index = LibraryIndex::new(entries);
                println!("{}", json_safe(&serde_json::to_string_pretty(&index)?));
                Ok(ExitCode::SUCCESS)
            }
            Some(Command::Import { twee, into, out }) => super::twee::import(&twee, into.as_deref(), out.as_deref()),
            Some(Command::Export { file, twee: _, out, services }) => {
                super::twee::export(&file, &load_help(&services)?, out.as_deref())
            }
            Some(Command::Schema { help_file, translation }) => {
                print!(
                    "{}",
                    if help_file {
                        safety_stories::engine::help_schema()
                    } else if translation {
                        safety_stories::engine::translation_schema()
                    } else {
                        safety_stories::engine::story_schema()
                    }
                );
                Ok(ExitCode::SUCCESS)
            }
            Some(Command::Po { command: PoCommand::Export { file, lang, out, services } }) => {
                super::translations::export(&file, &lang, out.as_deref(), &load_help(&services)?)
            }
            Some(Command::Po { command: PoCommand::Import { po, into, story, services } }) => {
                super::translations::import(&po, &into, story.as_deref(), &load_help(&services)?)
            }
        }
    }

    fn load_help(path: &Path) -> Result<HelpDirectory> {
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the help directory {}", path.display()))?;
        let loaded = HelpDirectory::from_json(without_byte_order_mark(&source)).map_err(|problems| {
            let lines = problem_lines(&problems, &path.display().to_string());
            anyhow::anyhow!("the help directory has problems:\n{}", lines.join("\n"))
        })?;
        Ok(loaded.value)
    }

    /// A story file's text. A file that is not UTF-8 is a problem in that file, so checking goes on to the others.
    fn read_story(path: &Path) -> Result<Result<String, Diagnostic>> {
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        Ok(String::from_utf8(bytes).map_err(|err| Diagnostic::not_utf8(err.as_bytes(), err.utf8_error().valid_up_to())))
    }

    /// Text output lists at most this many problems for one file, then how many more there are, so a broken
    /// generated file cannot bury the summary; `--format json` lists them all.
    const MAX_PRINTED: usize = 200;

    /// Compiler-style lines for one file's problems (`render` escapes anything from the file that could move the
    /// cursor or rewrite what is already on the terminal), at most [`MAX_PRINTED`] of them.
    fn problem_lines(found: &[Diagnostic], file: &str) -> Vec<String> {
        let mut lines: Vec<String> = found.iter().take(MAX_PRINTED).map(|d| d.render(file)).collect();
        if let Some(rest) = found.get(MAX_PRINTED..).filter(|rest| !rest.is_empty()) {
            let errors = rest.iter().filter(|d| d.is_error()).count();
            lines.push(format!(
                "{}: and {} more ({errors} error(s), {} warning(s)); fix these first, or see them all with \
                 --format json",
                terminal_safe(file),
                rest.len(),
                rest.len() - errors
            ));
        }
        lines
    }

    /// Loads a story for `graph` and `stats`, printing its problems when it does not load.
    fn load_or_report(path: &Path, help: &HelpDirectory) -> Result<Story> {
        let loaded = read_story(path)?
            .map_err(|problem| vec![problem])
            .and_then(|source| Story::from_json(&source, help).map(|loaded| loaded.value));
        loaded.map_err(|problems| {
            for line in problem_lines(&problems, &path.display().to_string()) {
                eprintln!("{line}");
            }
            let errors = problems.iter().filter(|d| d.is_error()).count();
            anyhow::anyhow!("{} does not load: {errors} error(s) in the story", path.display())
        })
    }

    /// Everything found in one file, with missing image files added to what the engine reports.
    fn check_file(path: &Path, help: &HelpDirectory, root: &Path) -> Result<Vec<Diagnostic>> {
        let source = match read_story(path)? {
            Ok(source) => source,
            Err(problem) => return Ok(vec![problem]),
        };
        // `ID.LANG.json` is a translation of `ID.json`, checked against it.
        if super::translations::story_of(path).is_some() {
            return Ok(super::translations::check(path, &source, help));
        }
        let (story, found) = Story::check(&source, help);
        Ok(match story {
            None => found,
            Some(story) => {
                let mut found = found;
                found.extend(missing_images(&story, &source, root));
                found.extend(authoring::alt_texts(&story, &source, root));
                found
            }
        })
    }

    fn missing_images(story: &Story, source: &str, root: &Path) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut check = |image: &str, path: JsonPath, scene: Option<&str>| {
            if !root.join(image).is_file() {
                let d = Diagnostic::error(
                    "missing-image",
                    format!("image file `{image}` does not exist under {}", root.display()),
                    path,
                );
                out.push(match scene {
                    Some(s) => d.in_scene(s),
                    None => d,
                });
            }
        };
        if let Some(cover) = &story.doc().cover {
            check(&cover.image, JsonPath::root().key("cover").key("image"), None);
        }
        for (i, scene) in story.scenes().iter().enumerate() {
            for (p, panel) in scene.panels.iter().enumerate() {
                let path = JsonPath::root().key("scenes").index(i).key("panels").index(p).key("image");
                check(&panel.image, path, Some(&scene.id));
            }
        }
        Diagnostic::locate_all(&mut out, without_byte_order_mark(source));
        out
    }

    fn check(files: &[PathBuf], options: &CheckOptions) -> Result<ExitCode> {
        anyhow::ensure!(!files.is_empty(), "name at least one story file, e.g. `storycheck stories/*.json`");
        let help = load_help(&options.services)?;
        let mut errors = 0;
        let mut warnings = 0;
        let mut report = Vec::new();
        for file in files {
            let found = check_file(file, &help, &options.root)?;
            errors += found.iter().filter(|d| d.is_error()).count();
            warnings += found.iter().filter(|d| !d.is_error()).count();
            match options.format {
                Output::Text => {
                    for line in problem_lines(&found, &file.display().to_string()) {
                        println!("{line}");
                    }
                }
                Output::Json => report.push(serde_json::json!({ "file": file, "diagnostics": found })),
            }
        }
        match options.format {
            Output::Text => eprintln!("storycheck: {} file(s), {errors} error(s), {warnings} warning(s)", files.len()),
            Output::Json => println!("{}", json_safe(&serde_json::to_string_pretty(&report)?)),
        }
        Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
    }

    /// What each ending kind's tint on a branch map means, in the words the player shows readers, so that an
    /// author reading the map sees what their readers will.
    fn ending_words(kind: EndingKind) -> &'static str {
        match kind {
            EndingKind::Positive => "An ending where it stops early",
            EndingKind::Mixed => "An ending where it isn't over yet",
            EndingKind::Concerning => "An ending after something serious happened",
        }
    }

    fn print_stats(story: &Story, stats: &Stats) {
        println!("{} ({})", terminal_safe(story.title()), story.id());
        println!("  scenes:          {}", stats.scenes);
        println!("  choices:         {}", stats.choices);
        println!("  decision points: {}", stats.decision_points);
        println!("  endings:         {}", stats.endings);
        match stats.paths {
            Some(paths) => println!("  distinct paths:  {paths}"),
            None => println!("  distinct paths:  unbounded (the story has loops)"),
        }
        let s = stats.shortest;
        println!("  shortest path:   {} scenes, {} words, about {} min", s.scenes, s.words, s.minutes);
        match stats.longest {
            Some(l) => println!("  longest path:    {} scenes, {} words, about {} min", l.scenes, l.words, l.minutes),
            None => println!("  longest path:    unbounded (the story has loops)"),
        }
        println!("  words in all:    {}", stats.total_words);
        if stats.pages > MAX_PAGES {
            println!("  pages:           {} (more than the {MAX_PAGES} the site writes for one story)", stats.pages);
        } else {
            println!(
                "  pages:           {} (one per scene, and one per other set of flags a reader can reach)",
                stats.pages
            );
        }
        authoring::print_reading_levels(story);
    }
}
