//! "Read to me" (issue #17): the scene's buttons that read it aloud with a voice of this device. The app draws
//! them; the loader's `assets/reading.js` picks only a voice that is local (`SpeechSynthesisVoice.localService`: a
//! voice from the internet would send the story's words to someone else's computer) and loads
//! `assets/reading-controls.js` when a reader goes to use them, which reads the scene (its title, the narration, each
//! bubble with who says it, then the choices, or at an ending the reflection and the help it recommends), marking
//! the part being read with `is-reading`. `<html>`'s `data-speech` (the browser can speak) and `data-reading`
//! (`playing` or `paused`) decide which words the buttons show (`assets/style.css`).

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::messages::t;

/// The buttons, for a scene of a story in `language` (a BCP 47 tag), whose voice is chosen by it.
pub fn read_aloud(language: &str) -> Html {
    html! {
        <div class="read-aloud" role="group" aria-label={t!("read-aloud")} data-lang={language.to_owned()}>
            <button type="button" class="button read-play">
                <span class="when-idle">{t!("read-to-me")}</span>
                <span class="when-playing">{t!("read-pause")}</span>
                <span class="when-paused">{t!("read-resume")}</span>
                <span class="when-no-voice">{t!("read-no-voice")}</span>
            </button>
            <button type="button" class="button read-stop">{t!("read-stop")}</button>
        </div>
    }
}

/// Whenever `scene` changes: stops reading aloud and moves focus to the scene's `heading` (as
/// `focus::use_focus_on_change` does for other screens); stops reading when the scene page goes too. One effect for
/// both, as each effect costs the wasm its own copy of Yew's effect code (docs/size.md).
#[hook]
pub fn use_new_scene<K: PartialEq + 'static>(heading: NodeRef, scene: K) {
    use_effect_with(scene, move |_| {
        browser::focus::focus(&heading);
        browser::loader::stop_reading
    });
}
