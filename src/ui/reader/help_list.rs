use yew::prelude::*;

use crate::ui::messages::{t, t_with};

use crate::engine::{Audience, HelpService};
use crate::ui::reader::class_list::with_class;
use crate::ui::reader::service_card::{ServiceCard, service_card};
use crate::ui::state::{Loading, use_app_state};

#[derive(Properties, PartialEq, Default)]
pub struct HelpListProps {
    /// Services to recommend first (an ending's `help`).
    #[prop_or_default]
    pub first: Vec<String>,
    /// The story's own extra services. They, and the hosting site's, are listed under their own headings after the
    /// standard set, never among it.
    #[prop_or_default]
    pub extra: Vec<HelpService>,
    /// Heading level for the groups: 2 on the help screen, 3 inside an ending.
    #[prop_or(2)]
    pub level: u8,
    /// Which groups to list after the recommended services; an ending lists only young people's, so a reader
    /// is not faced with every service three times.
    #[prop_or(Audience::ALL.to_vec())]
    pub audiences: Vec<Audience>,
    /// Add the help file's short line for the adults around the reader (every ending has it).
    #[prop_or_default]
    pub for_adults: bool,
}

/// The help services: 999 first, then the ones recommended here, then everyone grouped by who they are for, all
/// from the standard set; then the story's own services and the hosting site's, each under its own heading
/// ("Suggested by this story", "From Northshire Police"), so a local service can never pass for a national one.
#[function_component]
pub fn HelpList(props: &HelpListProps) -> Html {
    let state = use_app_state();
    // The help file itself is missing: the static help in index.html is the last resort.
    use_effect_with(matches!(state.help, Loading::Failed(_)), |failed| {
        if *failed {
            crate::ui::browser::fallback::show_static_help();
        }
    });
    let help = match &state.help {
        Loading::Ready(help) => help.clone(),
        Loading::Pending => return html! { <p class="loading">{t!("loading-help")}</p> },
        Loading::Failed(_) => return html! {},
    };
    let ordered = help.ordered(&[], &props.first);
    let heading = |text: &str| match props.level {
        2 => html! { <h2>{text.to_owned()}</h2> },
        _ => html! { <h3>{text.to_owned()}</h3> },
    };
    let card_level = props.level + 1;
    let emergency = ordered
        .iter()
        .filter(|s| s.emergency)
        .map(|s| service_card(ServiceCard { service: s, featured: false, level: card_level, group: "" }));
    let recommended: Vec<&HelpService> =
        ordered.iter().copied().filter(|s| !s.emergency && props.first.contains(&s.id)).collect();
    // A heading and its cards: one for each group of readers, and one for each source of local services.
    let section = |title: &str, local: bool, group: &'static str, services: Vec<&HelpService>| {
        let cards = services
            .into_iter()
            .map(|s| service_card(ServiceCard { service: s, featured: false, level: card_level, group }));
        let group = html! {
            <section class="help-group">
                { heading(title) }
                <div class="service-grid">{ for cards }</div>
            </section>
        };
        with_class(group, if local { "help-group is-local" } else { "help-group" }.into())
    };
    let groups = props.audiences.iter().map(|audience| {
        let group = match audience {
            Audience::YoungPeople => "young-people",
            Audience::ParentsCarers => "parents-carers",
            Audience::Professionals => "professionals",
        };
        let services = ordered
            .iter()
            .copied()
            .filter(|s| !s.emergency && s.audience.contains(audience) && !props.first.contains(&s.id))
            .collect();
        section(&crate::ui::words::audience_heading(*audience), false, group, services)
    });
    // Local services recommended here or for the groups listed, under a heading that says where they come from.
    let local = |title: &str, group: &'static str, services: &[HelpService]| {
        let shown: Vec<&HelpService> = services
            .iter()
            .filter(|s| props.first.contains(&s.id) || s.audience.iter().any(|a| props.audiences.contains(a)))
            .collect();
        if shown.is_empty() {
            html! {}
        } else {
            section(title, true, group, shown)
        }
    };
    let site_services = state.site.as_ref().map(|site| {
        let title = site
            .name
            .as_ref()
            .map_or_else(|| t!("local-help").to_string(), |name| t_with!("from-site", &[("site", name)]));
        local(&title, "site", &site.services)
    });
    html! {
        <div class="help-list">
            <section class="help-group emergency">
                { heading(&t!("in-danger")) }
                { for emergency }
            </section>
            if !recommended.is_empty() {
                <section class="help-group is-recommended">
                    { heading(&t!("who-can-help")) }
                    <div class="service-grid">
                        { for recommended.iter().map(|s| service_card(ServiceCard { service: s, featured: true, level: card_level, group: "" })) }
                    </div>
                </section>
            }
            { for groups }
            if let Some(line) = help.for_adults.as_ref().filter(|_| props.for_adults) {
                <section class="help-group for-adults">
                    { heading(&line.heading) }
                    <p lang={crate::ui::messages::other_language(crate::ui::reader::service_card::HELP_LANGUAGE)}>{line.text.clone()}</p>
                    <ul>{ for help.for_adults_services().into_iter().map(adult_service) }</ul>
                </section>
            }
            { local(&t!("suggested-by-story"), "story", &props.extra) }
            { site_services }
        </div>
    }
}

/// One service in the line for adults: its name, then how to reach it (the phone number and its first link).
fn adult_service(service: &HelpService) -> Html {
    let link = service.links.iter().find(|l| crate::engine::link_is_allowed(&l.url));
    html! {
        <li lang={crate::ui::messages::other_language(crate::ui::reader::service_card::HELP_LANGUAGE)}>
            <strong>{service.name.clone()}</strong>
            if let Some(phone) = &service.phone {
                {" "}<a href={phone.href()}>{t_with!("call", &[("number", &phone.display)])}</a>
            }
            if let Some(link) = link {
                {" "}<a href={link.url.clone()} target="_blank" rel="noopener noreferrer">{link.label.clone()}<span class="visually-hidden">{t!("new-tab")}</span></a>
            }
        </li>
    }
}
