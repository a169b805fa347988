//! Help services (signposting). The standard UK set is data in `stories/help/services-uk.json`, not code, so it can
//! be checked and updated without touching the program.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::json_object::{json_names, json_object};

/// The format version of a help directory file.
pub const HELP_FORMAT_VERSION: u32 = 1;

/// A list of help services, such as the standard UK set.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpDirectory {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub format: u32,
    /// The region these services cover, e.g. `UK`.
    pub region: String,
    pub services: Vec<HelpService>,
    /// A short line every ending shows for the adults around the reader (parents, carers, teachers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_adults: Option<ForAdults>,
}

/// What every ending says to the adults around a young person: a heading, a sentence or two, and the services to
/// name (each with its phone number and first link).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ForAdults {
    pub heading: String,
    pub text: String,
    /// Ids of services in this directory.
    pub services: Vec<String>,
}

/// One service a reader can turn to.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpService {
    /// Stable id that endings refer to, e.g. `childline`.
    pub id: String,
    pub name: String,
    /// Who the service is for; it is listed under each of these groups.
    pub audience: Vec<Audience>,
    /// What the service is for, in one plain sentence.
    pub what_for: String,
    /// What happens when you get in touch, in one plain sentence.
    pub what_happens: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Chat, text or email options, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_ways: Option<String>,
    /// Shown first and highlighted, for immediate danger (999).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emergency: bool,
    /// When the facts above were last checked against the source, `YYYY-MM-DD`. For a service whose facts come
    /// from one page; use `facts` when they come from several pages or were checked on different days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// Where the facts come from: the address of the service's own page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Each fact (or group of facts read on one page), with the page and the day it was confirmed there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactCheck>,
}

// Objects only: see json_object.rs. The player never shows where facts come from, so its wasm skips `facts`
// (`player_skips`) rather than carry their parser; `storycheck` reads them in full.
json_object!(HelpDirectory {
    schema: "$schema" default, format: "format" required, region: "region" required,
    services: "services" required, for_adults: "for_adults" default,
});
json_object!(ForAdults { heading: "heading" required, text: "text" required, services: "services" required });
json_object!(HelpService {
    id: "id" required, name: "name" required, audience: "audience" required, what_for: "what_for" required,
    what_happens: "what_happens" required, phone: "phone" default, links: "links" default, hours: "hours" default,
    other_ways: "other_ways" default, emergency: "emergency" default, checked: "checked" default,
    source: "source" default, facts: "facts" player_skips,
});
json_names!(Audience { YoungPeople: "young_people", ParentsCarers: "parents_carers", Professionals: "professionals" });
json_object!(Phone { display: "display" required, dial: "dial" required });
json_object!(Link { label: "label" required, url: "url" required });

/// One fact about a service and where and when it was confirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactCheck {
    /// What was confirmed, in a few words, e.g. `phone number and opening hours`.
    pub fact: String,
    /// The address of the page it was confirmed on.
    pub source: String,
    /// The day it was last confirmed there, `YYYY-MM-DD`.
    pub checked: String,
    /// What a reviewer should know: a source that disagrees, or what could not be confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Who a help service, or a story, is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    #[default]
    YoungPeople,
    ParentsCarers,
    Professionals,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// The number as people write it, e.g. `0800 1111`.
    pub display: String,
    /// Digits to dial, used in the `tel:` link, e.g. `08001111`.
    pub dial: String,
}

impl Phone {
    pub fn href(&self) -> String {
        format!("tel:{}", self.dial)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    /// `https:`, `tel:` or `mailto:` only.
    pub url: String,
}

/// Link schemes a story or help file may use. Anything else (`http:`, `javascript:`, relative paths) is refused.
pub const ALLOWED_SCHEMES: [&str; 3] = ["https:", "tel:", "mailto:"];

/// Whether a link is one the player will show.
pub fn link_is_allowed(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ALLOWED_SCHEMES.iter().any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
        && !url.chars().any(char::is_whitespace)
}

impl HelpDirectory {
    pub fn get(&self, id: &str) -> Option<&HelpService> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The services the `for_adults` line names, in its order.
    pub fn for_adults_services(&self) -> Vec<&HelpService> {
        self.for_adults.iter().flat_map(|f| f.services.iter().filter_map(|id| self.get(id))).collect()
    }

    /// The services to show: the ones named first (in that order), then the rest of the standard set, then the
    /// extra services. Emergency services always lead. Nothing in the standard set is ever dropped.
    pub fn ordered<'a>(&'a self, extra: &'a [HelpService], first: &[String]) -> Vec<&'a HelpService> {
        let all: Vec<&HelpService> = self.services.iter().chain(extra.iter()).collect();
        let mut out: Vec<&HelpService> = Vec::with_capacity(all.len());
        let push = |service: &'a HelpService, out: &mut Vec<&'a HelpService>| {
            if !out.iter().any(|s| s.id == service.id) {
                out.push(service);
            }
        };
        for service in all.iter().filter(|s| s.emergency) {
            push(service, &mut out);
        }
        for id in first {
            if let Some(service) = all.iter().find(|s| &s.id == id) {
                push(service, &mut out);
            }
        }
        for service in &all {
            push(service, &mut out);
        }
        out
    }
}
