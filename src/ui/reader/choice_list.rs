//! The reader's choices: numbered buttons, and keys 1 to 9.

use yew::prelude::*;

use crate::ui::messages::t;

use crate::engine::OfferedChoice;
use crate::ui::browser::keyboard::{Key, on_key};
use crate::ui::state::{Action, use_app_state};

pub struct ChoiceList {
    pub choices: Vec<OfferedChoice>,
    /// The link to each choice's page, in the same order, so a choice works with no script at all.
    pub links: Vec<String>,
    /// Called with the choice's index in the scene's list.
    pub on_choose: Callback<usize>,
    /// The story's language when it is not the interface's (the choices' `lang`).
    pub language: Option<String>,
}

/// The reader's options as large, numbered links to the page each leads to (keys 1 to 9 pick them too). All look
/// the same: no option is nudged.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
pub fn choice_list(props: ChoiceList) -> Html {
    let buttons = props.choices.iter().zip(props.links).enumerate().map(|(position, (choice, href))| {
        let on_choose = props.on_choose.clone();
        let index = choice.index;
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            on_choose.emit(index)
        });
        html! {
            <li>
                <a class="choice" {href} {onclick}>
                    if position < 9 { <span class="choice-key" aria-hidden="true">{position + 1}</span> }
                    <span class="choice-label">{choice.label.clone()}</span>
                </a>
            </li>
        }
    });
    html! {
        <section class="choices" aria-labelledby="choices-heading">
            <h2 id="choices-heading">{t!("choose-heading")}</h2>
            <ul dir={props.language.as_ref().map(|_| "auto")} lang={props.language}>{ for buttons }</ul>
        </section>
    }
}

/// The choice a key picks: 1 to 9 pick the choice at that position among `offered` (choice indexes in the scene's
/// list). Not with Ctrl, Alt or Meta, and not a key meant for a field or button that has focus.
pub fn choice_for_key(key: &Key, offered: &[usize]) -> Option<usize> {
    if key.modifier || key.for_focused || key.name.len() != 1 {
        return None;
    }
    let digit = key.name.chars().next()?.to_digit(10)?;
    offered.get((digit as usize).wrapping_sub(1)).copied()
}

/// Keys 1 to 9 pick the choice at that position among `offered` (choice indexes in the scene's list).
#[hook]
pub fn use_choice_keys(offered: Vec<usize>) {
    let state = use_app_state();
    use_effect_with(offered, move |offered| {
        let offered = offered.clone();
        let listener = on_key(move |key| {
            let Some(index) = choice_for_key(key, &offered) else { return false };
            state.dispatch(Action::Choose(index));
            true
        });
        move || drop(listener)
    });
}
