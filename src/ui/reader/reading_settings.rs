//! "Reading settings" (issue #17): the top bar's button and the panel it opens, with text size, line and letter
//! spacing and a soft background. The app draws them (on every screen, in the prerendered pages too); the loader's
//! `assets/reading.js` loads `assets/reading-controls.js` when a reader goes to use them, which makes them work, so
//! they work before the app has started and cost the wasm no handlers. A
//! choice is a class on `<html>` (`NAME-N` for option N of group NAME; the first option, the standard, is no class),
//! which `assets/style.css` turns into sizes and colours, kept in the tab's sessionStorage only, and put back
//! before the page is drawn by `assets/leave-again.js`.

use yew::prelude::*;

use crate::ui::messages::{Key, key, t};

/// One choice the reader makes: its group's name and its options' names, the standard one first (message keys).
pub struct SettingWords {
    pub legend: Key,
    pub options: &'static [Key],
}

/// The panel's groups: the class prefix each option's class starts with, and its words (at most four options).
/// `assets/reading-controls.js` and `assets/leave-again.js` know these prefixes too.
pub const GROUPS: [(&str, &SettingWords); 4] = [
    (
        "read-text",
        &SettingWords {
            legend: key!("reading-text-size"),
            options: &[
                key!("reading-standard"),
                key!("reading-large"),
                key!("reading-larger"),
                key!("reading-largest"),
            ],
        },
    ),
    (
        "read-line",
        &SettingWords {
            legend: key!("reading-line-spacing"),
            options: &[key!("reading-standard"), key!("reading-wide"), key!("reading-wider")],
        },
    ),
    (
        "read-letter",
        &SettingWords {
            legend: key!("reading-letter-spacing"),
            options: &[key!("reading-standard"), key!("reading-wide"), key!("reading-wider")],
        },
    ),
    (
        "paper",
        &SettingWords {
            legend: key!("reading-background"),
            options: &[key!("reading-white"), key!("reading-cream"), key!("reading-pale-blue")],
        },
    ),
];

/// The top bar's button. On a narrow screen it shows "Aa" only, and screen readers still hear its name.
pub fn reading_settings_button() -> Html {
    html! {
        <button type="button" class="reading-button" aria-haspopup="dialog" aria-controls="reading-settings">
            <span class="reading-short" aria-hidden="true">{t!("reading-settings-short")}</span>
            <span class="reading-long">{t!("reading-settings")}</span>
        </button>
    }
}

/// The panel, closed until the button opens it (a non-modal `<dialog>`, so Get help and Exit this page stay
/// within reach while it is open). Its options are radio buttons named after their group's class prefix, valued
/// by their place in the group; which is checked is set by `assets/reading-controls.js` when it opens, from
/// `<html>`'s classes, so the app never has to know.
///
/// Written as HTML text rather than with `html!`: the panel has no handlers and changes only with the language,
/// and `html!` writes out construction code for each of its 40 elements, which cost the player about 900 bytes of
/// brotli more (docs/size.md). Yew takes the prerendered panel over as it is.
pub fn reading_settings_panel() -> Html {
    let mut panel = String::from(
        r#"<dialog id="reading-settings" class="reading-settings" aria-labelledby="reading-settings-heading"><h2 id="reading-settings-heading">"#,
    );
    push_text(&mut panel, &t!("reading-settings"));
    panel.push_str("</h2><p>");
    push_text(&mut panel, &t!("reading-settings-note"));
    panel.push_str("</p>");
    for (name, words) in GROUPS {
        for part in [r#"<fieldset class=""#, name, r#""><legend>"#] {
            panel.push_str(part);
        }
        push_text(&mut panel, &t!(words.legend));
        panel.push_str(r#"</legend><div class="reading-options">"#);
        // Values as static text: formatting a number here would cost the wasm more than the four strings.
        for (option, value) in words.options.iter().zip(["0", "1", "2", "3"]) {
            for part in [r#"<label><input type="radio" name=""#, name, r#"" value=""#, value, r#"">"#] {
                panel.push_str(part);
            }
            push_text(&mut panel, &t!(*option));
            panel.push_str("</label>");
        }
        panel.push_str("</div></fieldset>");
    }
    panel.push_str(r#"<button type="button" class="button reading-close">"#);
    push_text(&mut panel, &t!("reading-close"));
    panel.push_str("</button></dialog>");
    Html::from_html_unchecked(panel.into())
}

/// Appends `text` to `html` as text: `&` and `<` escaped, so a translation's words are never read as markup.
fn push_text(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            _ => html.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{GROUPS, push_text};

    /// The panel is HTML text, so a translation's `&` or `<` must stay words.
    #[test]
    fn words_in_the_panel_are_escaped() {
        let mut html = String::from("<p>");
        push_text(&mut html, "Text & <b>size</b> \"large\"");
        assert_eq!(html, "<p>Text &amp; &lt;b>size&lt;/b> \"large\"");
    }

    /// Every option but a group's first is a class on `<html>` that the stylesheet must style, or choosing it
    /// would change nothing.
    #[test]
    fn the_stylesheet_styles_every_option() {
        let css = include_str!("../../../assets/style.css");
        for (name, words) in GROUPS {
            assert!(words.options.len() <= 4, "the panel draws at most four options a group ({name} has more)");
            for value in 1..words.options.len() {
                let class = format!(".{name}-{value}");
                assert!(
                    css.contains(&format!("{class} ")) || css.contains(&format!("{class}{{")),
                    "assets/style.css has no rule for {class} ({:?} in {:?})",
                    words.options[value],
                    words.legend
                );
            }
        }
    }

    /// `assets/leave-again.js` puts the kept classes back before the page is drawn, and only classes it knows.
    #[test]
    fn the_early_script_knows_every_group() {
        let early = include_str!("../../../assets/leave-again.js");
        let controls = include_str!("../../../assets/reading-controls.js");
        for (name, _) in GROUPS {
            assert!(early.contains(name), "assets/leave-again.js does not put back the {name} classes");
            assert!(
                controls.contains(&format!("'{name}'")),
                "assets/reading-controls.js does not keep the {name} classes"
            );
        }
    }
}
