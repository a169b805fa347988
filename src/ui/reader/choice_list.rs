use yew::prelude::*;

use crate::engine::OfferedChoice;

pub struct ChoiceListProps {
    pub choices: Vec<OfferedChoice>,
    /// Called with the choice's index in the scene's list.
    pub on_choose: Callback<usize>,
}

/// The reader's options as large, numbered buttons (keys 1 to 9 pick them too). All look the same: no option
/// is nudged.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
pub fn choice_list(props: ChoiceListProps) -> Html {
    let buttons = props.choices.iter().enumerate().map(|(position, choice)| {
        let on_choose = props.on_choose.clone();
        let index = choice.index;
        html! {
            <li>
                <button type="button" class="choice" onclick={Callback::from(move |_: MouseEvent| on_choose.emit(index))}>
                    if position < 9 { <span class="choice-key" aria-hidden="true">{position + 1}</span> }
                    <span class="choice-label">{choice.label.clone()}</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="choices" aria-labelledby="choices-heading">
            <h2 id="choices-heading">{"What happens next? You choose."}</h2>
            <ul>{ for buttons }</ul>
        </section>
    }
}
