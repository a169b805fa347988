use yew::prelude::*;

use crate::ui::messages::t;

use crate::engine::TranscriptLine;

/// "The story so far": the scenes seen and the choices made, oldest first.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
pub fn transcript_view(lines: &[TranscriptLine], language: Option<String>) -> Html {
    let items = lines.iter().map(|line| {
        html! {
            <li>
                <span class="transcript-scene" lang={language.clone()}>{line.scene_title.clone()}</span>
                if let Some(picked) = &line.picked {
                    <span class="transcript-choice">{t!("you-chose")}<span lang={language.clone()}>{picked.clone()}</span></span>
                }
            </li>
        }
    });
    html! {
        <details class="transcript">
            <summary>{t!("story-so-far")}</summary>
            <ol>{ for items }</ol>
        </details>
    }
}
