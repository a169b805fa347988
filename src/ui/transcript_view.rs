use yew::prelude::*;

use crate::engine::TranscriptLine;

#[derive(Properties, PartialEq)]
pub struct TranscriptViewProps {
    pub lines: Vec<TranscriptLine>,
}

/// "The story so far": the scenes seen and the choices made, oldest first.
#[function_component]
pub fn TranscriptView(props: &TranscriptViewProps) -> Html {
    let items = props.lines.iter().map(|line| {
        html! {
            <li>
                <span class="transcript-scene">{line.scene_title.clone()}</span>
                if let Some(picked) = &line.picked {
                    <span class="transcript-choice">{format!("You chose: {picked}")}</span>
                }
            </li>
        }
    });
    html! {
        <details class="transcript">
            <summary>{"The story so far"}</summary>
            <ol>{ for items }</ol>
        </details>
    }
}
