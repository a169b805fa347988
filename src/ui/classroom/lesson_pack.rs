use std::collections::BTreeMap;

use yew::prelude::*;

use crate::ui::messages::{key, t, t_count, t_with};

use crate::ui::browser::{document, print};

use crate::engine::branch_map;
use crate::engine::{Next, Scene, Story};
use crate::ui::classroom::branch_map::BranchMapPicture;
use crate::ui::reader::help_list::HelpList;
use crate::ui::reader::panel_view::PanelView;
use crate::ui::reader::rich_text::rich_text;
use crate::ui::reader::story_loader::use_story;
use crate::ui::route::Route;
use crate::ui::state::Loading;

#[derive(Properties, PartialEq)]
pub struct LessonPackPageProps {
    pub id: AttrValue,
}

fn condition(when: &BTreeMap<String, bool>) -> String {
    if when.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = when
        .iter()
        .map(|(flag, value)| {
            let key = if *value { key!("teacher.flag-is-yes") } else { key!("teacher.flag-is-no") };
            t_with!(key, &[("flag", &flag.replace('_', " "))])
        })
        .collect();
    t_with!("teacher.only-when", &[("conditions", &parts.join(&t!("teacher.and")))])
}

/// Where a scene leads, by scene number: one line per way on.
fn ways_on(scene: &Scene, number: &BTreeMap<&str, usize>, story: &Story) -> Html {
    let to =
        |id: &str| format!("{}. {}", number.get(id).copied().unwrap_or(0), story.scene(id).map_or(id, |s| &s.title));
    match &scene.next {
        Next::Continue(next) => {
            html! { <p class="ways-on">{t_with!("teacher.continues-to", &[("scene", &to(next))])}</p> }
        }
        Next::Choices(choices) => html! {
            <ul class="ways-on">
                { for choices.iter().map(|c| html! { <li>{format!("“{}” → {}{}", c.label, to(&c.to), condition(&c.when))}</li> }) }
            </ul>
        },
        Next::Ending(ending) => {
            html! { <p class="ways-on">{t_with!("teacher.ending-is", &[("kind", &crate::ui::words::ending_kind(ending.kind))])}</p> }
        }
    }
}

/// The branch map's picture, then every scene by number and where each way on leads, which says the same in words:
/// in the lesson pack, and in the preview of an author's story (`ui/authoring/`).
pub fn branch_map_with_list(story: &Story) -> Html {
    let order = story.reading_order();
    let number: BTreeMap<&str, usize> = order.iter().enumerate().map(|(i, s)| (s.id.as_str(), i + 1)).collect();
    let map = order.iter().map(|scene| {
        html! { <li><strong>{scene.title.clone()}</strong>{ways_on(scene, &number, story)}</li> }
    });
    html! {
        <>
            <BranchMapPicture map={branch_map(story)} />
            <p class="branch-map-intro">{t!("teacher.branch-map-intro")}</p>
            <ol class="branch-map">{ for map }</ol>
        </>
    }
}

/// Puts the story's title and the page number in each printed page's footer. The title differs per story, so it
/// cannot be in `teacher.css`; a constructed style sheet is CSSOM, which the page's strict `style-src` allows.
/// Returns true when the sheet was adopted, so it can be taken away again when the pack closes.
fn print_footer(title: &str) -> bool {
    // A CSS string: the title's quotes, backslashes and line breaks escaped as CSS hex escapes.
    let label = css_string(&t_with!("teacher.lesson-pack-title", &[("story", title)]));
    let page = css_string(&t!("teacher.print-page"))
        .replace("{page}", "\" counter(page) \"")
        .replace("{pages}", "\" counter(pages) \"");
    document::adopt_style_sheet(&format!(
        "@page {{ @bottom-left {{ content: \"{label}\"; }} @bottom-right {{ content: \"{page}\"; }} }}"
    ))
}

/// Text for inside a CSS string: its quotes, backslashes and line breaks escaped as CSS hex escapes.
fn css_string(text: &str) -> String {
    text.chars()
        .map(
            |c| {
                if matches!(c, '"' | '\\') || c.is_control() { format!("\\{:x} ", u32::from(c)) } else { c.to_string() }
            },
        )
        .collect()
}

/// The lesson pack: everything a teacher needs on paper, in one printable page.
#[function_component]
pub fn LessonPackPage(props: &LessonPackPageProps) -> Html {
    let story = use_story(&props.id);
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), story.ready().is_some());
    crate::ui::browser::focus::use_document_title(t_with!(
        "title-page",
        &[
            ("page", &t!("lesson-pack")),
            ("site", &story.ready().map_or_else(|| t!("site-name").to_string(), |s| s.title().to_owned())),
        ],
    ));
    use_effect_with(story.ready().map(|s| s.title().to_owned()), |title| {
        let footer = title.as_deref().is_some_and(print_footer);
        move || {
            if footer {
                document::drop_adopted_style_sheets();
            }
        }
    });
    // The date on the printed cover, e.g. "27 November 2026", read from the browser once the pack is drawn.
    let today = use_state(String::new);
    {
        let today = today.clone();
        use_effect_with(crate::ui::messages::current_language(), move |language| today.set(print::today(language)));
    }
    let story = match story {
        Loading::Ready(story) => story,
        Loading::Pending => return html! { <p class="loading">{t!("loading-story")}</p> },
        Loading::Failed(problem) => return html! { <crate::ui::reader::error_view::ErrorView {problem} /> },
    };
    let doc = story.doc();
    let order = story.reading_order();
    let number: BTreeMap<&str, usize> = order.iter().enumerate().map(|(i, s)| (s.id.as_str(), i + 1)).collect();
    let print = Callback::from(|_: MouseEvent| print::print());
    let scenes = order.iter().enumerate().map(|(i, scene)| {
        // The reader's own panels, so the pack shows the comic as the class saw it; at the pack's width (and on
        // paper) the bubbles flow under each picture.
        let strip = scene.panels.len();
        let panels = scene.panels.iter().map(|panel| html! { <PanelView panel={panel.clone()} eager=true {strip} /> });
        // Pictures and words in two boxes of their own, so a layout that puts them side by side can never draw
        // one over the other; the stylesheet decides whether they fit side by side.
        html! {
            <section class="lesson-scene">
                <h3>{format!("{}. {}", i + 1, scene.title)}</h3>
                <div class="lesson-scene-body">
                <div class="lesson-pictures"><div class="panels">{ for panels }</div></div>
                <div class="lesson-words">
                { rich_text(&scene.text) }
                if let Next::Ending(ending) = &scene.next {
                    <div class="lesson-note"><h4>{t!("teacher.what-reader-is-told")}</h4>{ rich_text(&ending.reflection) }</div>
                    if let Some(debrief) = &ending.debrief {
                        <div class="lesson-note"><h4>{t!("teacher.debrief")}</h4>{ rich_text(debrief) }</div>
                    }
                }
                if let Some(notes) = &scene.teacher_notes {
                    <div class="lesson-note"><h4>{t!("teacher.teacher-notes")}</h4>{ rich_text(notes) }</div>
                }
                if !scene.discussion.is_empty() {
                    <div class="lesson-note">
                        <h4>{t!("teacher.discussion")}</h4>
                        <ul>{ for scene.discussion.iter().map(|p| html! { <li>{p.clone()}</li> }) }</ul>
                    </div>
                }
                {ways_on(scene, &number, &story)}
                </div>
                </div>
            </section>
        }
    });
    let headings = crate::ui::words::guide_headings(doc.audience);
    html! {
        <article class="lesson" aria-labelledby="lesson-heading">
            <h1 id="lesson-heading" tabindex="-1" ref={heading}>{t_with!("teacher.lesson-pack-title", &[("story", &doc.title)])}</h1>
            <p class="lesson-tools">
                <button type="button" class="button primary" onclick={print}>{t!("teacher.print-lesson-pack")}</button>
                <a href={Route::Intro { id: doc.id.clone() }.href()} class={classes!("button")}>{t!("back-to-story")}</a>
            </p>
            <section class="lesson-cover">
                <h2>{t!("teacher.about-the-story")}</h2>
                <p>{doc.summary.clone()}</p>
                <p>{t_with!("teacher.lesson-facts", &[("readers", &crate::ui::words::story_readers(doc.audience, doc.age)), ("minutes", &t_count!("teacher.minutes-one-path", doc.minutes, &[])), ("scenes", &t_count!("teacher.scene-count", order.len() as u32, &[]))])}</p>
                <h3>{t!("content-note")}</h3>
                { rich_text(&doc.content_note) }
                <p class="print-only">{t_with!("teacher.printed-on", &[("date", &today)])}</p>
            </section>
            if let Some(guide) = &doc.teacher {
                <section>
                    <h2>{headings.introduction}</h2>
                    { rich_text(&guide.introduction) }
                    if !guide.objectives.is_empty() {
                        <h3>{t!("teacher.learning-objectives")}</h3>
                        <ul>{ for guide.objectives.iter().map(|o| html! { <li>{o.clone()}</li> }) }</ul>
                    }
                    if !guide.before_the_lesson.is_empty() {
                        <h3>{headings.before}</h3>
                        <ul>{ for guide.before_the_lesson.iter().map(|b| html! { <li>{b.clone()}</li> }) }</ul>
                    }
                    if !guide.ground_rules.is_empty() {
                        <h3>{t!("teacher.ground-rules")}</h3>
                        <ul>{ for guide.ground_rules.iter().map(|r| html! { <li>{r.clone()}</li> }) }</ul>
                    }
                    if let Some(safeguarding) = &guide.safeguarding {
                        <h3>{headings.disclosure}</h3>
                        { rich_text(safeguarding) }
                    }
                    if !guide.notes.is_empty() {
                        <h3>{t!("teacher.notes")}</h3>
                        <ul>{ for guide.notes.iter().map(|n| html! { <li>{n.clone()}</li> }) }</ul>
                    }
                </section>
            }
            <section class="lesson-map">
                <h2>{t!("teacher.branch-map")}</h2>
                { branch_map_with_list(&story) }
            </section>
            <section class="lesson-scenes">
                <h2>{t!("teacher.the-scenes")}</h2>
                { for scenes }
            </section>
            <section class="lesson-help">
                <h2>{t!("teacher.where-to-get-help")}</h2>
                <HelpList extra={story.services().to_vec()} level={3} />
            </section>
        </article>
    }
}
