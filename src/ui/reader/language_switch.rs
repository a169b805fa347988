use yew::prelude::*;

use crate::ui::messages::{LANGUAGES, t};
use crate::ui::state::{Action, State};

/// English / Cymraeg, in a strip just under the top bar of every screen (the library's too). Each name is written in
/// its own language and marked with its `lang`, so a screen reader says "Cymraeg" in Welsh on an English page. The
/// pick is kept for this tab only (sessionStorage, which Exit this page clears); `app.rs` downloads the words and
/// switches.
///
/// A plain function rather than a component: every component's lifecycle adds wasm that readers download.
pub fn language_switch(state: &UseReducerHandle<State>) -> Html {
    let in_use = state.messages.language().to_owned();
    let buttons = LANGUAGES.iter().map(|&(tag, name)| {
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            crate::ui::browser::storage::save_language(tag);
            state.dispatch(Action::ChooseLanguage(tag.to_owned()));
        });
        let pressed = if in_use == tag { "true" } else { "false" };
        html! { <button type="button" class="language-option" lang={tag} aria-pressed={pressed} {onclick}>{name}</button> }
    });
    html! {
        <div class="language-switch" role="group" aria-label={t!("language")}>{ for buttons }</div>
    }
}
