use yew::prelude::*;

use crate::ui::messages::t;

#[derive(Properties, PartialEq)]
pub struct KeyListProps {
    pub on_close: Callback<MouseEvent>,
}

const KEYS: [(&str, &str); 9] = [
    ("teacher.keys-continue", "teacher.keys-continue-what"),
    ("teacher.keys-back", "teacher.keys-back-what"),
    ("teacher.keys-choice", "teacher.keys-choice-what"),
    ("teacher.keys-vote", "teacher.keys-vote-what"),
    ("teacher.keys-pause", "teacher.keys-pause-what"),
    ("teacher.keys-full-screen", "teacher.keys-full-screen-what"),
    ("teacher.keys-notes", "teacher.keys-notes-what"),
    ("teacher.keys-keys", "teacher.keys-keys-what"),
    ("teacher.keys-leave", "teacher.keys-leave-what"),
];

/// The list of presentation keys, shown over the story by "?" or the Keys button.
#[function_component]
pub fn KeyList(props: &KeyListProps) -> Html {
    crate::ui::state::use_redraw_on_language();
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), ());
    let rows =
        KEYS.iter().map(|(keys, what)| html! { <tr><th scope="row"><kbd>{t(keys)}</kbd></th><td>{t(what)}</td></tr> });
    html! {
        <section class="key-list" role="dialog" aria-labelledby="key-list-heading">
            <h2 id="key-list-heading" tabindex="-1" ref={heading}>{t("teacher.keys-heading")}</h2>
            <p>{t("teacher.keys-clicker")}</p>
            <table><tbody>{ for rows }</tbody></table>
            <button type="button" class="button primary" onclick={props.on_close.clone()}>{t("teacher.close")}</button>
        </section>
    }
}
