use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeyListProps {
    pub on_close: Callback<MouseEvent>,
}

const KEYS: [(&str, &str); 9] = [
    ("→  PageDown  Space", "Continue"),
    ("←  PageUp", "Back one step"),
    ("1 to 9", "Pick that choice"),
    ("V", "Class vote at a decision"),
    ("B  or  .", "Pause on a black screen, and back"),
    ("F", "Full screen, and back"),
    ("N", "Teacher notes in a second window"),
    ("?", "Show or hide these keys"),
    ("Esc", "Leave present mode"),
];

/// The list of presentation keys, shown over the story by "?" or the Keys button.
#[function_component]
pub fn KeyList(props: &KeyListProps) -> Html {
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), ());
    let rows =
        KEYS.iter().map(|(keys, what)| html! { <tr><th scope="row"><kbd>{*keys}</kbd></th><td>{*what}</td></tr> });
    html! {
        <section class="key-list" role="dialog" aria-labelledby="key-list-heading">
            <h2 id="key-list-heading" tabindex="-1" ref={heading}>{"Keys for presenting"}</h2>
            <p>{"A presentation clicker works too: its buttons send PageUp and PageDown."}</p>
            <table><tbody>{ for rows }</tbody></table>
            <button type="button" class="button primary" onclick={props.on_close.clone()}>{"Close"}</button>
        </section>
    }
}
