use yew::prelude::*;

use crate::ui::messages::{t, t_with};

use crate::engine::HelpService;
use crate::engine::link_is_allowed;
use crate::ui::reader::class_list::with_class;

pub struct ServiceCard<'a> {
    pub service: &'a HelpService,
    /// Shown first and larger: the services this ending recommends.
    pub featured: bool,
    /// The level of the service's name heading, one below its group's.
    pub level: u8,
    /// The group the card is listed in; a service listed in two groups needs two different element ids.
    pub group: &'a str,
}

/// One help service: what it is for, what happens when you get in touch, and how.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
/// The language of the help directory's words (`stories/help/services-uk.json`): a card carries it as its `lang`
/// when the interface is in another language.
pub const HELP_LANGUAGE: &str = "en-GB";

pub fn service_card(props: ServiceCard) -> Html {
    let s = props.service;
    let heading_id =
        format!("service-{}{}", if props.group.is_empty() { String::new() } else { format!("{}-", props.group) }, s.id);
    let class = match (props.featured, s.emergency) {
        (false, false) => "service",
        (true, false) => "service is-featured",
        (false, true) => "service is-emergency",
        (true, true) => "service is-featured is-emergency",
    };
    // Links open in a new tab: the reader keeps their place, and inside an iframe the help opens at the top level.
    let links = s.links.iter().filter(|l| link_is_allowed(&l.url)).map(|l| {
        html! { <a class="service-link" href={l.url.clone()} target="_blank" rel="noopener noreferrer">{l.label.clone()}<span class="visually-hidden">{t!("new-tab")}</span></a> }
    });
    let card = html! {
        <article class="service" aria-labelledby={heading_id.clone()} lang={crate::ui::messages::other_language(HELP_LANGUAGE)}>
            if props.level >= 4 {
                <h4 id={heading_id.clone()}>{s.name.clone()}</h4>
            } else {
                <h3 id={heading_id}>{s.name.clone()}</h3>
            }
            <p class="service-for">{s.what_for.clone()}</p>
            <p class="service-what-happens"><strong>{t!("what-happens")}</strong>{s.what_happens.clone()}</p>
            <div class="service-actions">
                if let Some(phone) = &s.phone {
                    <a class="service-call" href={phone.href()}>{t_with!("call", &[("number", &phone.display)])}</a>
                }
                { for links }
            </div>
            if let Some(hours) = &s.hours { <p class="service-hours">{hours.clone()}</p> }
            if let Some(other) = &s.other_ways { <p class="service-other">{other.clone()}</p> }
        </article>
    };
    with_class(card, class.into())
}
