use yew::prelude::*;

use crate::ui::messages::t;

use crate::engine::{Audience, Ending, HelpService};
use crate::ui::reader::help_list::HelpList;
use crate::ui::reader::rich_text::rich_text;
use crate::ui::route::Route;

pub struct EndingView {
    pub ending: Ending,
    pub extra: Vec<HelpService>,
    pub can_try_another: bool,
    pub on_try_another: Callback<MouseEvent>,
    pub on_start_again: Callback<MouseEvent>,
    /// The story's first page, which Start again links to.
    pub start_link: String,
    /// The page it is on, which its links start from.
    pub here: Route,
    /// The story's language when it is not the interface's (its `lang`).
    pub story_language: Option<String>,
}

/// An ending: the reflection, then who can help (with a line for the adults around the reader), then ways to go
/// again. Every ending looks the same whatever its kind: a colour would grade the reader's path.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
pub fn ending_view(props: EndingView) -> Html {
    html! {
        <section class="ending" aria-labelledby="ending-heading">
            <h2 id="ending-heading"><span class="ending-kind">{crate::ui::words::ending_kind(props.ending.kind)}</span></h2>
            <div class="reflection" lang={props.story_language.clone()} dir={props.story_language.as_ref().map(|_| "auto")}>{ rich_text(&props.ending.reflection) }</div>
            <p class="reassurance">{t!("ending-reassurance")}</p>
            <HelpList first={props.ending.help.clone()} extra={props.extra} level={3} audiences={vec![Audience::YoungPeople]} for_adults={true} />
            <div class="actions"><a href={props.here.link(&Route::Help)} class="button">{t!("more-help")}</a></div>
            <div class="actions">
                if props.can_try_another {
                    <button type="button" class="button primary" onclick={props.on_try_another}>{t!("try-different-choice")}</button>
                }
                <a class="button" href={props.start_link} onclick={props.on_start_again}>{t!("start-again")}</a>
                <a href={props.here.link(&Route::Library)} class="button">{t!("choose-another-story")}</a>
            </div>
        </section>
    }
}
