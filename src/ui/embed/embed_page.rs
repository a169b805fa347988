use yew::prelude::*;

use crate::ui::messages::{t, t_with};

use crate::ui::browser::{address, form};

use crate::engine::SiteConfig;
use crate::ui::state::{Loading, use_app_state};

/// Text made safe inside a double-quoted HTML attribute: a story title with `"` or `&` in it stays the title.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The iframe snippet for one story. The sandbox lets the player run, open help in new tabs, and leave the whole
/// page when the reader presses Exit this page; nothing else. A config that the player would refuse (see
/// `SiteConfig::path_is_allowed`) is left out; every value is escaped for its attribute.
pub fn snippet(player: &str, story: &str, title: &str, config: &str, resize_script: bool) -> String {
    // Each part is escaped rather than the whole address, so the `&` between parameters stays as it is and the
    // address still works if someone copies it out of the code into a link.
    let (player, title) = (attribute(player), attribute(title));
    let mut src = format!("{player}?embed&story={}", attribute(story));
    if SiteConfig::path_is_allowed(config) {
        src.push_str(&format!("&config={config}"));
    }
    let folder = player.rsplit_once('/').map_or(player.as_str(), |(folder, _)| folder);
    let mut out = format!(
        "<iframe src=\"{src}\" title=\"{title}: an interactive story with help links\" width=\"100%\" height=\"720\" \
         style=\"border:0;max-width:100%\" allow=\"fullscreen\" loading=\"lazy\" referrerpolicy=\"no-referrer\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox \
         allow-top-navigation-by-user-activation\" data-safety-stories></iframe>"
    );
    if resize_script {
        out.push_str(&format!("\n<script src=\"{folder}/assets/embed/embed.js\" async></script>"));
    }
    out
}

/// "Put these stories on your website": a copy-ready snippet for the chosen story and options.
#[function_component]
pub fn EmbedPage() -> Html {
    let state = use_app_state();
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), "embed");
    crate::ui::browser::focus::use_document_title(t_with!(
        "title-page",
        &[("page", &t!("footer-embed")), ("site", &t!("site-name"))],
    ));
    let stories = match &state.library {
        Loading::Ready(index) => index.stories.clone(),
        _ => Vec::new(),
    };
    let chosen = use_state(|| 0usize);
    let config = use_state(String::new);
    let resize = use_state(|| true);
    let copied = use_state(bool::default);
    // The address of the player: the folder this page (the teacher's page) is in, e.g.
    // `https://example.org/stories/`, which static hosts answer with the player's `index.html`. Read once drawn.
    let player = use_state(String::new);
    {
        let player = player.clone();
        use_effect_with((), move |_| player.set(address::folder()));
    }
    let Some(story) = stories.get(*chosen).or_else(|| stories.first()) else {
        return html! { <p class="loading" ref={heading} tabindex="-1">{t!("loading-stories")}</p> };
    };
    let code = snippet(&player, &story.id, &story.title, &config, *resize);
    let on_story = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Some(index) = form::selected_index(&e) {
                chosen.set(index);
            }
        })
    };
    let on_config = {
        let config = config.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(value) = form::input_value(&e) {
                config.set(value);
            }
        })
    };
    let on_resize = {
        let resize = resize.clone();
        Callback::from(move |_: Event| resize.set(!*resize))
    };
    let on_copy = {
        let code = code.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if form::copy(&code) {
                copied.set(true);
            }
        })
    };
    html! {
        <section class="embed-page" aria-labelledby="embed-heading">
            <h1 id="embed-heading" tabindex="-1" ref={heading}>{t!("footer-embed")}</h1>
            <p class="lead">{t!("teacher.embed-lead")}</p>
            <div class="form-row">
                <label for="embed-story">{t!("story")}</label>
                <select id="embed-story" onchange={on_story}>
                    { for stories.iter().enumerate().map(|(i, s)| html! { <option selected={i == *chosen}>{s.title.clone()}</option> }) }
                </select>
            </div>
            <div class="form-row">
                <label for="embed-config">{t!("teacher.embed-config")}</label>
                <input id="embed-config" type="text" value={(*config).clone()} oninput={on_config} aria-describedby="embed-config-note" />
                <p id="embed-config-note" class="form-note" aria-live="polite">
                    if !config.is_empty() && !SiteConfig::path_is_allowed(&config) {
                        {t!("teacher.embed-config-refused")}
                    }
                </p>
            </div>
            <div class="form-row is-check">
                <input id="embed-resize" type="checkbox" checked={*resize} onchange={on_resize} />
                <label for="embed-resize">{t!("teacher.embed-resize")}</label>
            </div>
            <label for="embed-code">{t!("teacher.embed-code")}</label>
            <textarea id="embed-code" class="embed-code" readonly=true rows="8" value={code} />
            <div class="actions">
                <button type="button" class="button primary" onclick={on_copy}>{t!("teacher.embed-copy")}</button>
                <span role="status">{ if *copied { t!("teacher.embed-copied").to_string() } else { String::new() } }</span>
            </div>
            <h2>{t!("teacher.good-to-know")}</h2>
            <ul>
                <li>{t!("teacher.embed-link-instead")}</li>
                <li>{t!("teacher.embed-height")}</li>
                <li>{t!("teacher.embed-exit")}</li>
            </ul>
            <h2>{t!("teacher.make-your-own")}</h2>
            <p>
                {t!("teacher.make-your-own-lead")}
                <a href={crate::ui::route::Route::Preview.href()}>{t!("teacher.try-your-own")}</a>{t!("teacher.make-your-own-end")}
            </p>
        </section>
    }
}
