use yew::prelude::*;

use crate::ui::messages::{t, t_count, t_with};

use crate::ui::route::Route;
use crate::ui::state::{Loading, use_app_state};

/// Every story in the library, as cards. With one story there is still a card, one click from starting.
#[function_component]
pub fn LibraryPage() -> Html {
    let state = use_app_state();
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), "library");
    crate::ui::browser::focus::use_document_title(t_with!("title-library", &[("site", &t!("site-name"))]));
    let cards = match &state.library {
        Loading::Ready(index) => index
            .stories
            .iter()
            .map(|entry| {
                html! {
                    <li class="story-card">
                        if let Some(cover) = &entry.cover {
                            <img class="story-card-image" src={format!("{}{}", state.route.up(), cover.image)} alt="" width="800" height="500" />
                        }
                        <div class="story-card-body">
                            <h2>
                                <a href={state.route.link(&Route::Intro { id: entry.id.clone() })} class="story-card-link">
                                    {entry.title.clone()}
                                </a>
                            </h2>
                            <p>{entry.summary.clone()}</p>
                            <ul class="facts" aria-label={t!("about-this-story")}>
                                <li>{crate::ui::words::story_readers_short(entry.audience, entry.age)}</li>
                                <li>{t_count!("minutes", entry.minutes, &[])}</li>
                                { for entry.topics.iter().map(|t| html! { <li>{t.clone()}</li> }) }
                            </ul>
                        </div>
                    </li>
                }
            })
            .collect::<Html>(),
        Loading::Pending => html! { <li class="loading">{t!("loading-stories")}</li> },
        Loading::Failed(_) => html! {},
    };
    html! {
        <section class="library" aria-labelledby="library-heading">
            <h1 id="library-heading" tabindex="-1" ref={heading}>{t!("library-heading")}</h1>
            <p class="lead">{t!("library-lead")}</p>
            <ul class="story-cards">{cards}</ul>
        </section>
    }
}
