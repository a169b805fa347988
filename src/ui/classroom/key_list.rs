use yew::prelude::*;

use crate::ui::messages::{Key, key, t};

#[derive(Properties, PartialEq)]
pub struct KeyListProps {
    pub on_close: Callback<MouseEvent>,
}

const KEYS: [(Key, Key); 9] = [
    (key!("teacher.keys-continue"), key!("teacher.keys-continue-what")),
    (key!("teacher.keys-back"), key!("teacher.keys-back-what")),
    (key!("teacher.keys-choice"), key!("teacher.keys-choice-what")),
    (key!("teacher.keys-vote"), key!("teacher.keys-vote-what")),
    (key!("teacher.keys-pause"), key!("teacher.keys-pause-what")),
    (key!("teacher.keys-full-screen"), key!("teacher.keys-full-screen-what")),
    (key!("teacher.keys-notes"), key!("teacher.keys-notes-what")),
    (key!("teacher.keys-keys"), key!("teacher.keys-keys-what")),
    (key!("teacher.keys-leave"), key!("teacher.keys-leave-what")),
];

/// The list of presentation keys, shown over the story by "?" or the Keys button.
#[function_component]
pub fn KeyList(props: &KeyListProps) -> Html {
    crate::ui::state::use_redraw_on_language();
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), ());
    let rows = KEYS
        .iter()
        .map(|(keys, what)| html! { <tr><th scope="row"><kbd>{t!(*keys)}</kbd></th><td>{t!(*what)}</td></tr> });
    html! {
        <section class="key-list" role="dialog" aria-labelledby="key-list-heading">
            <h2 id="key-list-heading" tabindex="-1" ref={heading}>{t!("teacher.keys-heading")}</h2>
            <p>{t!("teacher.keys-clicker")}</p>
            <table><tbody>{ for rows }</tbody></table>
            <button type="button" class="button primary" onclick={props.on_close.clone()}>{t!("teacher.close")}</button>
        </section>
    }
}
