use yew::prelude::*;

use crate::ui::messages::t;

#[derive(Properties, PartialEq)]
pub struct KeyListProps {
    pub on_close: Callback<MouseEvent>,
}

const KEYS: [(&str, &str); 9] = [
    ("keys-continue", "keys-continue-what"),
    ("keys-back", "keys-back-what"),
    ("keys-choice", "keys-choice-what"),
    ("keys-vote", "keys-vote-what"),
    ("keys-pause", "keys-pause-what"),
    ("keys-full-screen", "keys-full-screen-what"),
    ("keys-notes", "keys-notes-what"),
    ("keys-keys", "keys-keys-what"),
    ("keys-leave", "keys-leave-what"),
];

/// The list of presentation keys, shown over the story by "?" or the Keys button.
#[function_component]
pub fn KeyList(props: &KeyListProps) -> Html {
    // Read so that the list is worded again when the language changes (see `messages::CURRENT`).
    let _ = crate::ui::state::use_app_state();
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), ());
    let rows =
        KEYS.iter().map(|(keys, what)| html! { <tr><th scope="row"><kbd>{t(keys)}</kbd></th><td>{t(what)}</td></tr> });
    html! {
        <section class="key-list" role="dialog" aria-labelledby="key-list-heading">
            <h2 id="key-list-heading" tabindex="-1" ref={heading}>{t("keys-heading")}</h2>
            <p>{t("keys-clicker")}</p>
            <table><tbody>{ for rows }</tbody></table>
            <button type="button" class="button primary" onclick={props.on_close.clone()}>{t("close")}</button>
        </section>
    }
}
