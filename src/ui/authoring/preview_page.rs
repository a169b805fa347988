//! "Try your own story" (`teacher.html#/preview`): an author opens a story file and its pictures from their own
//! device, sees every problem exactly as storycheck prints it, the lint warnings, the statistics and the branch
//! map, and plays the story in the reader's scene, pictures and endings, before anything is published. Nothing is
//! uploaded or stored: the files are read in the tab, the pictures are `blob:` addresses only this tab can open,
//! and the place in the story is kept in memory only.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::messages::{t, t_count, t_with};

use super::preview::{Checked, check, keep_place, missing_pictures, with_chosen_picture};
use crate::engine::{AgeRange, Next, Playthrough, SceneLevel, highest_grade};
use crate::ui::browser::files::{self, ChosenFile, WatchedFile};
use crate::ui::classroom::lesson_pack::branch_map_with_list;
use crate::ui::reader::choice_list::{ChoiceList, choice_for_key, choice_list};
use crate::ui::reader::ending_view::{EndingView, ending_view};
use crate::ui::reader::panel_view::PanelView;
use crate::ui::reader::rich_text::rich_text;
use crate::ui::route::Route;
use crate::ui::state::use_app_state;

/// The preview's own state, kept in memory only. Its reducer does no I/O: reading files happens in callbacks.
#[derive(Clone, PartialEq, Default)]
pub struct Preview {
    /// The story file chosen last, read again by Reload file.
    file: Option<ChosenFile>,
    /// The same file opened so that it can be read again after it changes (File System Access), where it can.
    watched: Option<WatchedFile>,
    /// The chosen pictures: each one's path inside the chosen folder (or name) and its `blob:` address.
    pictures: Vec<(String, String)>,
    checked: Option<Rc<Checked>>,
    /// The reader's place while playing; `None` shows the check.
    play: Option<Playthrough>,
    /// A sentence for the author when something could not be opened.
    note: Option<String>,
    /// Counts checks, so focus moves to the results after every one.
    checks: u32,
    /// Files chosen before the help list had downloaded: checked as soon as it has.
    waiting: Vec<ChosenFile>,
}

#[expect(
    clippy::large_enum_variant,
    reason = "an action lives only until the reducer moves its check into the preview"
)]
pub enum PreviewAction {
    Checked {
        file: ChosenFile,
        checked: Checked,
        pictures: Option<Vec<(String, String)>>,
    },
    Watch(WatchedFile),
    Pictures(Vec<(String, String)>),
    Note(String),
    /// Files chosen before the help list arrived, to check once it has.
    WaitForHelp(Vec<ChosenFile>),
    Play,
    StopPlaying,
    Choose(usize),
    Continue,
    Back,
    TryAnother,
    StartAgain,
}

impl Reducible for Preview {
    type Action = PreviewAction;

    fn reduce(self: Rc<Self>, action: PreviewAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PreviewAction::Checked { file, checked, pictures } => {
                // A story played before and still clean after the reload goes on from the same place.
                let before = self.checked.as_ref().and_then(|c| c.story.as_ref()).zip(self.play.as_ref());
                next.play = match (&checked.story, self.play.is_some()) {
                    (Some(story), true) => Some(keep_place(before, story)),
                    _ => None,
                };
                next.file = Some(file);
                if let Some(pictures) = pictures {
                    next.pictures = pictures;
                }
                next.checked = Some(Rc::new(checked));
                next.note = None;
                next.waiting = Vec::new();
                next.checks += 1;
            }
            PreviewAction::WaitForHelp(files) => next.waiting = files,
            PreviewAction::Watch(watched) => next.watched = Some(watched),
            PreviewAction::Pictures(pictures) => next.pictures = pictures,
            PreviewAction::Note(note) => {
                next.note = Some(note);
                next.checks += 1;
            }
            PreviewAction::Play => {
                next.play = self.checked.as_ref().and_then(|c| c.story.as_ref()).map(Playthrough::start);
            }
            PreviewAction::StopPlaying => {
                next.play = None;
                next.checks += 1;
            }
            PreviewAction::Choose(_)
            | PreviewAction::Continue
            | PreviewAction::Back
            | PreviewAction::TryAnother
            | PreviewAction::StartAgain => {
                let (Some(story), Some(play)) = (self.checked.as_ref().and_then(|c| c.story.as_ref()), &mut next.play)
                else {
                    return self;
                };
                let moved = match action {
                    PreviewAction::Choose(index) => play.choose(story, index).is_ok(),
                    PreviewAction::Continue => play.go_on(story).is_ok(),
                    PreviewAction::Back => play.back(),
                    PreviewAction::TryAnother => play.back_to_last_decision(story),
                    _ => {
                        play.restart(story);
                        true
                    }
                };
                if !moved {
                    return self;
                }
            }
        }
        Rc::new(next)
    }
}

/// True for a file that is a story (JSON) rather than a picture.
fn is_story_file(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".json") && !path.ends_with("pictures.json") && !path.ends_with("wording.json")
}

/// Reads the chosen files, checks the story among them and hands the result to the preview. Pictures among them
/// replace the ones chosen before (whose `blob:` addresses are let go); a story file alone keeps them.
fn open(files: Vec<ChosenFile>, preview: UseReducerHandle<Preview>, help: Option<Rc<crate::engine::HelpDirectory>>) {
    let Some(help) = help else {
        // The check needs the help list (a story's help must name its services); the files wait for it.
        preview.dispatch(PreviewAction::WaitForHelp(files));
        return;
    };
    let story = files.iter().find(|f| is_story_file(f.path())).cloned();
    let images: Vec<&ChosenFile> =
        files.iter().filter(|f| crate::engine::image_extension(f.path()).is_some()).collect();
    let pictures = (!images.is_empty()).then(|| {
        for (_, address) in &preview.pictures {
            files::forget_address(address);
        }
        images.iter().filter_map(|f| Some((f.path().to_owned(), f.address()?))).collect::<Vec<_>>()
    });
    let Some(story) = story.or_else(|| preview.file.clone()) else {
        match pictures {
            // Pictures chosen before the story are kept for it.
            Some(pictures) => {
                let note = t_count!("teacher.preview-pictures-chosen", pictures.len() as u32, &[]);
                preview.dispatch(PreviewAction::Pictures(pictures));
                preview.dispatch(PreviewAction::Note(note));
            }
            None => preview.dispatch(PreviewAction::Note(t!("teacher.preview-no-story-file").to_string())),
        }
        return;
    };
    yew::platform::spawn_local(async move {
        match story.text().await {
            Ok(text) => {
                let checked = check(&story.name(), &text, &help);
                preview.dispatch(PreviewAction::Checked { file: story, checked, pictures });
            }
            Err(problem) => preview.dispatch(PreviewAction::Note(problem)),
        }
    });
}

/// Reads the story file again where the browser can (a file opened with File System Access), else asks the author
/// to choose it again: a file chosen with the picker is a snapshot, which the browser will not read once it changes.
fn reload(preview: UseReducerHandle<Preview>, help: Option<Rc<crate::engine::HelpDirectory>>, input: NodeRef) {
    let Some(watched) = preview.watched.clone() else {
        files::choose_again(&input);
        return;
    };
    yew::platform::spawn_local(async move {
        match watched.read().await {
            Some(file) => open(vec![file], preview, help),
            None => preview.dispatch(PreviewAction::Note(t!("teacher.preview-read-again").to_string())),
        }
    });
}

#[function_component]
pub fn PreviewPage() -> Html {
    let state = use_app_state();
    let preview = use_reducer(Preview::default);
    let heading = use_node_ref();
    let results = use_node_ref();
    let scene_heading = use_node_ref();
    let input = use_node_ref();
    let can_watch = use_state(bool::default);
    let dragging = use_state(bool::default);
    let help = state.help.ready().cloned();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), "preview");
    crate::ui::browser::focus::use_document_title(t_with!(
        "title-page",
        &[("page", &t!("teacher.try-your-own")), ("site", &t!("site-name"))],
    ));
    {
        let can_watch = can_watch.clone();
        use_effect_with((), move |_| can_watch.set(files::can_watch_files()));
    }
    // The chosen pictures' `blob:` addresses are let go when the author leaves the preview.
    {
        let shown: Vec<String> = preview.pictures.iter().map(|(_, address)| address.clone()).collect();
        let kept = use_mut_ref(Vec::new);
        *kept.borrow_mut() = shown;
        use_effect_with((), move |_| {
            move || {
                for address in kept.borrow().iter() {
                    files::forget_address(address);
                }
            }
        });
    }
    // After every check the results' heading takes focus, so a keyboard or screen reader user hears the outcome.
    {
        let results = results.clone();
        use_effect_with(preview.checks, move |checks| {
            if *checks > 0 {
                crate::ui::browser::focus::focus(&results);
            }
        });
    }
    // Files chosen before the help list had downloaded are checked as soon as it has.
    {
        let (preview, help) = (preview.clone(), help.clone());
        let ready = help.is_some() && !preview.waiting.is_empty();
        use_effect_with(ready, move |ready| {
            if *ready {
                open(preview.waiting.clone(), preview.clone(), help.clone());
            }
        });
    }
    // Where the file was opened to be watched, coming back to the tab checks it again.
    {
        let (preview, help) = (preview.clone(), help.clone());
        let watching = preview.watched.is_some();
        use_effect_with(watching, move |watching| {
            let listener = watching
                .then(|| files::on_tab_focus(move || reload(preview.clone(), help.clone(), NodeRef::default())))
                .flatten();
            move || drop(listener)
        });
    }
    let story_scene = preview.checked.as_ref().and_then(|c| c.story.as_ref()).zip(preview.play.as_ref());
    // Keys 1 to 9 pick a choice, as in the reader.
    {
        let offered: Vec<usize> = story_scene
            .map(|(story, play)| play.choices(story).into_iter().map(|c| c.index).collect())
            .unwrap_or_default();
        let preview = preview.clone();
        use_effect_with(offered, move |offered| {
            let offered = offered.clone();
            let listener = crate::ui::browser::keyboard::on_key(move |key| {
                let Some(index) = choice_for_key(key, &offered) else { return false };
                preview.dispatch(PreviewAction::Choose(index));
                true
            });
            move || drop(listener)
        });
    }
    crate::ui::browser::focus::use_focus_on_change(
        scene_heading.clone(),
        story_scene.map(|(story, play)| (play.scene_id(story).to_owned(), play.steps_taken())),
    );

    let on_files = {
        let (preview, help) = (preview.clone(), help.clone());
        Callback::from(move |event: Event| open(files::from_input(&event), preview.clone(), help.clone()))
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (preview, help, dragging) = (preview.clone(), help.clone(), dragging.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            open(files::from_drop(&event), preview.clone(), help.clone())
        })
    };
    let on_watch = {
        let (preview, help) = (preview.clone(), help.clone());
        Callback::from(move |_: MouseEvent| {
            let (preview, help) = (preview.clone(), help.clone());
            yew::platform::spawn_local(async move {
                let Some(watched) = files::open_watched().await else { return };
                let Some(file) = watched.read().await else { return };
                preview.dispatch(PreviewAction::Watch(watched));
                open(vec![file], preview, help);
            });
        })
    };
    let on_reload = {
        let (preview, help, input) = (preview.clone(), help.clone(), input.clone());
        Callback::from(move |_: MouseEvent| reload(preview.clone(), help.clone(), input.clone()))
    };
    let send = |action: fn() -> PreviewAction| {
        let preview = preview.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            preview.dispatch(action())
        })
    };
    let reload_button = html! {
        <button type="button" class="button" onclick={on_reload.clone()} disabled={preview.file.is_none()}>{t!("teacher.reload-file")}</button>
    };

    if let Some((story, play)) = story_scene {
        let scene = play.scene(story);
        let story_language = crate::ui::messages::other_language(&story.doc().language);
        let on_choose = {
            let preview = preview.clone();
            Callback::from(move |index: usize| preview.dispatch(PreviewAction::Choose(index)))
        };
        let here = Route::Preview;
        let what_next = match &scene.next {
            Next::Ending(ending) => ending_view(EndingView {
                ending: ending.clone(),
                extra: story.services().to_vec(),
                can_try_another: play.has_earlier_decision(story),
                on_try_another: send(|| PreviewAction::TryAnother),
                on_start_again: send(|| PreviewAction::StartAgain),
                start_link: here.href(),
                here: here.clone(),
                story_language: story_language.clone(),
            }),
            Next::Choices(_) => {
                let choices = play.choices(story);
                let links = choices.iter().map(|_| here.href()).collect();
                choice_list(ChoiceList { choices, links, on_choose, language: story_language.clone() })
            }
            Next::Continue(_) => html! {
                <div class="actions">
                    <a class="button primary continue" href={here.href()} onclick={send(|| PreviewAction::Continue)}>{t!("continue")}</a>
                </div>
            },
        };
        let panels = scene.panels.iter().enumerate().map(|(i, panel)| {
            html! { <PanelView panel={with_chosen_picture(panel, &preview.pictures)} eager={i == 0} /> }
        });
        let (done, _) = play.progress(story);
        return html! {
            <div class="preview is-playing">
                <nav class="preview-bar" aria-label={t!("preview")}>
                    <p class="preview-says">{t!("teacher.preview-says")}</p>
                    <button type="button" class="button" onclick={send(|| PreviewAction::StopPlaying)}>{t!("teacher.back-to-check")}</button>
                    {reload_button}
                    <input type="file" class="preview-hidden-input" accept=".json,application/json" ref={input} onchange={on_files} />
                </nav>
                <article class="scene" aria-labelledby="scene-heading">
                    <header class="scene-header">
                        <p class="story-name" lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{story.title().to_owned()}</p>
                        <h1 id="scene-heading" tabindex="-1" ref={scene_heading} lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{scene.title.clone()}</h1>
                    </header>
                    <div class="panels" lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{ for panels }</div>
                    <div class="narration" lang={story_language.clone()} dir={story_language.as_ref().map(|_| "auto")}>{ rich_text(&scene.text) }</div>
                    {what_next}
                    <nav class="scene-tools" aria-label={t!("story-controls")}>
                        <button type="button" class="button" onclick={send(|| PreviewAction::Back)} disabled={done == 1}>{t!("back")}</button>
                        <a class="button" href={here.href()} onclick={send(|| PreviewAction::StartAgain)}>{t!("start-again")}</a>
                    </nav>
                </article>
            </div>
        };
    }

    html! {
        <section class="preview" aria-labelledby="preview-heading">
            <h1 id="preview-heading" tabindex="-1" ref={heading}>{t!("teacher.try-your-own")}</h1>
            <p class="lead">{t!("teacher.preview-lead")}</p>
            <p class="preview-private">
                {t!("teacher.preview-private")}
            </p>
            <div class="preview-open">
                <div class="form-row">
                    <label for="preview-files">{t!("teacher.preview-files")}</label>
                    <input id="preview-files" type="file" multiple={true} accept=".json,application/json,image/*" ref={input} onchange={on_files.clone()} />
                </div>
                <div class="form-row">
                    <label for="preview-folder">{t!("teacher.preview-folder")}</label>
                    <input id="preview-folder" type="file" webkitdirectory={true} multiple={true} onchange={on_files} />
                </div>
                if *can_watch {
                    <div class="form-row">
                        <button type="button" class="button" onclick={on_watch}>{t!("teacher.preview-watch")}</button>
                    </div>
                }
                <div class={classes!("drop-zone", dragging.then_some("is-over"))} ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                    <p>{t!("teacher.preview-drop")}</p>
                </div>
            </div>
            { results_view(&preview, results, reload_button, send(|| PreviewAction::Play)) }
        </section>
    }
}

/// A way through the story as the statistics give it, e.g. "5 scenes, about 3 min".
fn path_length(length: &crate::engine::PathLength) -> String {
    t_with!(
        "teacher.path-length",
        &[
            ("scenes", &t_count!("teacher.scene-count", length.scenes as u32, &[])),
            ("minutes", &t_with!("teacher.about-min", &[("n", &length.minutes.to_string())])),
        ],
    )
}

/// What the check found: the problems as storycheck prints them with their lines, then, for a story that loads,
/// the pictures not chosen, the lint warnings, the statistics and the branch map.
fn results_view(preview: &Preview, results: NodeRef, reload_button: Html, on_play: Callback<MouseEvent>) -> Html {
    if let Some(note) = &preview.note {
        return html! {
            <section class="preview-results" aria-labelledby="results-heading">
                <h2 id="results-heading" tabindex="-1" ref={results}>{note.clone()}</h2>
            </section>
        };
    }
    let Some(checked) = &preview.checked else { return html! {} };
    let errors = checked.errors();
    let heading = match errors {
        0 => t_with!("teacher.preview-no-errors", &[("file", &checked.file)]),
        n => t_count!("teacher.preview-errors", n as u32, &[("file", &checked.file)]),
    };
    let problem_list = |problems: &[super::preview::Problem], class: &'static str| {
        let items = problems.iter().map(|p| {
            html! {
                <li class={classes!("problem", p.is_error.then_some("is-error"))}>
                    <p class="problem-text">{p.text.clone()}</p>
                    if let Some(line) = &p.line {
                        <pre class="problem-line">
                            <span class="line-number">{format!("{} | ", line.number)}</span>{line.text.clone()}
                            if let Some(at) = line.at {
                                // The mark under where the problem starts; the line and column are in the words above.
                                <span class="problem-mark" aria-hidden="true">{format!("\n{}{}^", " ".repeat(line.number.to_string().len() + 3), " ".repeat(at))}</span>
                            }
                        </pre>
                    }
                </li>
            }
        });
        html! { <ol class={class}>{ for items }</ol> }
    };
    let missing = checked.story.as_ref().map(|s| missing_pictures(s, &preview.pictures)).unwrap_or_default();
    html! {
        <section class="preview-results" aria-labelledby="results-heading">
            <h2 id="results-heading" tabindex="-1" ref={results}>{heading}</h2>
            if !checked.problems.is_empty() {
                <p>{t!("teacher.preview-as-storycheck")}</p>
                { problem_list(&checked.problems, "problems") }
            }
            <div class="actions">
                if checked.story.is_some() && errors == 0 {
                    <button type="button" class="button primary" onclick={on_play}>{t!("teacher.play-it")}</button>
                }
                {reload_button}
            </div>
            if !missing.is_empty() {
                <h3>{t!("teacher.pictures-not-chosen")}</h3>
                <p>{t!("teacher.pictures-not-chosen-lead")}</p>
                <ul class="missing-pictures">{ for missing.iter().map(|m| html! { <li><code>{m.clone()}</code></li> }) }</ul>
            }
            if !checked.lint.is_empty() {
                <h3>{t_with!("teacher.lint-heading", &[("n", &checked.lint.len().to_string())])}</h3>
                <p>{t!("teacher.lint-lead")}</p>
                { problem_list(&checked.lint, "problems lint") }
            }
            if let Some(stats) = &checked.stats {
                <h3>{t!("teacher.story-shape")}</h3>
                <dl class="preview-stats">
                    <dt>{t!("teacher.stats-scenes")}</dt><dd>{stats.scenes}</dd>
                    <dt>{t!("teacher.stats-choices")}</dt><dd>{stats.choices}</dd>
                    <dt>{t!("teacher.stats-decision-points")}</dt><dd>{stats.decision_points}</dd>
                    <dt>{t!("teacher.endings")}</dt><dd>{stats.endings}</dd>
                    <dt>{t!("teacher.stats-paths")}</dt>
                    <dd>{stats.paths.map_or_else(|| t!("teacher.unlimited").to_string(), |p| p.to_string())}</dd>
                    <dt>{t!("teacher.stats-shortest")}</dt>
                    <dd>{path_length(&stats.shortest)}</dd>
                    <dt>{t!("teacher.stats-longest")}</dt>
                    <dd>{stats.longest.as_ref().map_or_else(|| t!("teacher.unlimited").to_string(), path_length)}</dd>
                    <dt>{t!("teacher.stats-words")}</dt><dd>{stats.total_words}</dd>
                </dl>
            }
            if let Some((age, levels)) = &checked.reading {
                { reading_levels(*age, levels) }
            }
            if let Some(story) = &checked.story {
                <h3>{t!("teacher.branch-map")}</h3>
                { branch_map_with_list(story) }
            }
        </section>
    }
}

/// Each scene's reading level, as `storycheck stats` prints it, with the scenes above the story's age band marked.
fn reading_levels(age: AgeRange, levels: &[SceneLevel]) -> Html {
    let above = levels.iter().filter(|level| level.above_band).count() as u32;
    let above = match above {
        0 => t!("teacher.preview-reading-none-above").to_string(),
        n => t_count!("teacher.preview-reading-above", n, &[]),
    };
    let lead = t_with!(
        "teacher.preview-reading-lead",
        &[
            ("min", &age.min.to_string()),
            ("max", &age.max.to_string()),
            ("grade", &format!("{:.0}", highest_grade(age))),
            ("above", &above),
        ],
    );
    let above_band = t!("teacher.preview-reading-above-band");
    html! {
        <>
            <h3>{t!("teacher.preview-reading")}</h3>
            <p>{lead}</p>
            <table class="reading-levels">
                <thead><tr>
                    <th scope="col">{t!("teacher.preview-reading-scene")}</th>
                    <th scope="col">{t!("teacher.preview-reading-words")}</th>
                    <th scope="col">{t!("teacher.preview-reading-grade")}</th>
                </tr></thead>
                <tbody>
                    { for levels.iter().map(|level| html! {
                        <tr class={classes!(level.above_band.then_some("above-band"))}>
                            <th scope="row"><code>{&level.scene}</code></th>
                            <td>{level.words}</td>
                            <td>{format!("{:.1}", level.grade)}{if level.above_band { format!(" {above_band}") } else { String::new() }}</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}
