//! Help services (signposting). The standard UK set is data in `stories/help/services-uk.json`, not code, so it can
//! be checked and updated without touching the program.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::json_object::{json_names, json_object};

use super::calendar::Date;
use super::diagnostics::{Diagnostic, JsonPath};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    YoungPeople,
    ParentsCarers,
    Professionals,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::YoungPeople, Audience::ParentsCarers, Audience::Professionals];

    pub fn heading(self) -> &'static str {
        match self {
            Audience::YoungPeople => "For young people",
            Audience::ParentsCarers => "For parents and carers",
            Audience::Professionals => "For teachers and professionals",
        }
    }
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
    ALLOWED_SCHEMES
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
        && !url.chars().any(char::is_whitespace)
}

/// Checks one service and adds what is wrong to `out`.
pub(crate) fn check_service(service: &HelpService, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if !super::load::is_valid_id(&service.id) {
        out.push(Diagnostic::error(
            "bad-id",
            format!(
                "service id `{}` must be lower case letters, digits and dashes, e.g. `local-police`",
                service.id
            ),
            path.key("id"),
        ));
    }
    for (field, text) in [
        ("name", &service.name),
        ("what_for", &service.what_for),
        ("what_happens", &service.what_happens),
    ] {
        if text.trim().is_empty() {
            out.push(Diagnostic::error(
                "empty-text",
                format!("service `{}` needs a `{field}`", service.id),
                path.key(field),
            ));
        }
    }
    if service.audience.is_empty() {
        out.push(Diagnostic::error(
            "no-audience",
            format!(
                "service `{}` must say who it is for: add `\"audience\": [\"young_people\"]` or similar",
                service.id
            ),
            path.key("audience"),
        ));
    }
    if let Some(phone) = &service.phone {
        let dial_ok = phone.dial.strip_prefix('+').unwrap_or(&phone.dial).bytes().all(|b| b.is_ascii_digit())
            && phone.dial.bytes().any(|b| b.is_ascii_digit());
        if !dial_ok {
            out.push(Diagnostic::error(
                "bad-phone",
                format!("phone `dial` must be digits only (an optional leading +), found `{}`", phone.dial),
                path.key("phone").key("dial"),
            ));
        } else if !display_matches_dial(phone) {
            out.push(Diagnostic::error(
                "phone-mismatch",
                "phone `display` must show the number in `dial`: the same digits in the same order, with only spaces, \
                 brackets, dots and dashes between them",
                path.key("phone").key("display"),
            ));
        }
    }
    for (i, link) in service.links.iter().enumerate() {
        if !link_is_allowed(&link.url) {
            out.push(Diagnostic::error(
                "bad-link",
                format!(
                    "link `{}` must start with https:, tel: or mailto: (http and script links are not allowed)",
                    link.url
                ),
                path.key("links").index(i).key("url"),
            ));
        }
    }
}

/// Whether a phone number as shown is the number dialled. Only ASCII digits, a leading `+`, spaces and
/// `( ) . -` may appear, so a display cannot hide other digits (full-width or Arabic-Indic ones look like
/// 0-9) or invisible characters, and a reader who taps "Call 0800 1111" rings 0800 1111.
fn display_matches_dial(phone: &Phone) -> bool {
    let shown = phone.display.trim();
    let written_only_as_a_number = shown.bytes().all(|b| b.is_ascii_digit() || b" ().-+".contains(&b))
        && shown.rfind('+').is_none_or(|at| at == 0);
    let digits = |text: &str| text.bytes().filter(|b| *b == b'+' || b.is_ascii_digit()).collect::<Vec<u8>>();
    written_only_as_a_number && digits(shown) == digits(&phone.dial)
}

/// A name reduced to its ASCII letters and digits in lower case, so that `Child Line`, `CHILDLINE`, `Child-line`
/// and `Child` + zero-width space + `line` all read `childline`. (ASCII only: Unicode's letter and case tables
/// would add 10 KB to what readers download.)
/// Whether a name keeps to the characters of Latin-script names: ASCII, Latin-1 and Latin Extended-A (the accented
/// letters of Welsh, Irish and Gaelic names), and general punctuation such as curly quotes. A letter from another
/// alphabet that looks like a Latin one (the Cyrillic `С` of `Сhildline`, or a full-width `Ｃ`) would slip past the
/// standard-name check, which compares ASCII letters, and no UK service needs one. Invisible and control characters
/// are left to the other checks (they are dropped before names are compared, and storycheck warns about them).
/// Ranges rather than `char::is_alphabetic`, whose Unicode tables cost 1.3 KB brotli of the player's download.
fn name_uses_latin_letters(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii() || ('\u{a0}'..='\u{17f}').contains(&c) || ('\u{2000}'..='\u{206f}').contains(&c))
}

fn letters_and_digits(name: &str) -> String {
    name.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())).collect()
}

/// The names a local service may not use: each standard service's full name, and the part before a bracket
/// (`CEOP Safety Centre` for `CEOP Safety Centre (report to CEOP)`), which is the name itself.
fn standard_names(standard: &HelpDirectory) -> Vec<String> {
    let mut names = Vec::new();
    for service in &standard.services {
        let full = letters_and_digits(&service.name);
        let short = service.name.split('(').next().map(letters_and_digits).unwrap_or_default();
        names.extend([full, short].into_iter().filter(|name| !name.is_empty()));
    }
    names
}

/// Checks a service that a story or a site config adds to the standard set ("local" services). Besides the
/// checks every service gets, a local service may not pose as a standard one: it cannot reuse a standard id,
/// cannot be marked as an emergency service (only the standard file puts a service beside 999), and cannot
/// carry a standard service's name (a fake "Childline (new number)").
pub(crate) fn check_local_service(service: &HelpService, standard: &HelpDirectory, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    check_service(service, path, out);
    if standard.get(&service.id).is_some() {
        out.push(Diagnostic::error(
            "duplicate-id",
            format!(
                "service id `{}` is in the standard set; a story or a site adds services, never replaces them",
                service.id
            ),
            path.key("id"),
        ));
    }
    if service.emergency {
        out.push(Diagnostic::error(
            "local-emergency",
            "only the standard help file lists emergency services; remove `emergency`",
            path.key("emergency"),
        ));
    }
    if !name_uses_latin_letters(&service.name) {
        out.push(Diagnostic::error(
            "local-name-letters",
            "a local service's name may use only Latin letters (accents included), so it cannot look like another name",
            path.key("name"),
        ));
    }
    let name = letters_and_digits(&service.name);
    if standard_names(standard).iter().any(|standard_name| name.contains(standard_name.as_str())) {
        out.push(Diagnostic::error(
            "standard-name",
            "this name contains the name of a service in the standard set, which is always listed; give a local \
             service a name of its own",
            path.key("name"),
        ));
    }
}

impl HelpDirectory {
    /// Reads and checks a help directory file, returning every problem at once.
    pub fn from_json(source: &str) -> Result<HelpDirectory, Vec<Diagnostic>> {
        let directory: HelpDirectory = serde_json::from_str(source)
            .map_err(|err| vec![Diagnostic::from_serde(&err, source)])?;
        let mut problems = Vec::new();
        if directory.format != HELP_FORMAT_VERSION {
            problems.push(Diagnostic::error(
                "unsupported-format",
                format!(
                    "help file format {} is not supported; this version reads format {HELP_FORMAT_VERSION}",
                    directory.format
                ),
                JsonPath::root().key("format"),
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, service) in directory.services.iter().enumerate() {
            let path = JsonPath::root().key("services").index(i);
            if !seen.insert(service.id.as_str()) {
                problems.push(Diagnostic::error(
                    "duplicate-id",
                    format!("service id `{}` is used twice; ids must be unique", service.id),
                    path.key("id"),
                ));
            }
            check_service(service, &path, &mut problems);
        }
        if let Some(for_adults) = &directory.for_adults {
            for (i, id) in for_adults.services.iter().enumerate() {
                if directory.get(id).is_none() {
                    problems.push(Diagnostic::error(
                        "unknown-service",
                        format!("`for_adults` names service `{id}`, which is not in this file"),
                        JsonPath::root().key("for_adults").key("services").index(i),
                    ));
                }
            }
        }
        let mut problems: Vec<Diagnostic> = problems.into_iter().map(|d| d.located(source)).collect();
        Diagnostic::sort_in_file_order(&mut problems);
        if problems.iter().any(Diagnostic::is_error) { Err(problems) } else { Ok(directory) }
    }

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

/// How old a checked fact may be before the checker asks for it to be checked again.
pub const FACTS_STAY_FRESH_MONTHS: u32 = 6;

/// Facts in a help file that are due to be checked again on `today`, that do not say when or where they were
/// checked, or whose source is not the address of a page. All warnings, located in `source`. `today` is a
/// parameter, not the system clock, so that a test gives the same answer on any day.
pub fn stale_facts(directory: &HelpDirectory, source: &str, today: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut check = |id: &str, checked: Option<&str>, from: Option<&str>, path: JsonPath| {
        match checked.map(|c| (c, Date::parse(c))) {
            None => out.push(Diagnostic::warning(
                "unchecked-fact",
                format!("service `{id}` does not say when its facts were checked: add `\"checked\": \"{today}\"` once you have checked them"),
                path.clone(),
            )),
            Some((text, None)) => out.push(Diagnostic::warning(
                "unchecked-fact",
                format!("`{text}` is not a date; write the day the fact was checked as YYYY-MM-DD"),
                path.key("checked"),
            )),
            Some((_, Some(date))) if date.plus_months(FACTS_STAY_FRESH_MONTHS) < today => out.push(Diagnostic::warning(
                "stale-fact",
                format!(
                    "service `{id}`: checked on {date}, more than {FACTS_STAY_FRESH_MONTHS} months before {today}; check it again at {} and update `checked`",
                    from.unwrap_or("its source")
                ),
                path.key("checked"),
            )),
            Some(_) => {}
        }
        match from {
            Some(address)
                if (address.starts_with("https://") || address.starts_with("http://"))
                    && !address.contains(char::is_whitespace) => {}
            _ => out.push(Diagnostic::warning(
                "no-source-address",
                format!("service `{id}`: `source` should be the address (https://...) of the page the fact was checked on"),
                path.key("source"),
            )),
        }
    };
    for (i, service) in directory.services.iter().enumerate() {
        let path = JsonPath::root().key("services").index(i);
        if service.facts.is_empty() {
            check(&service.id, service.checked.as_deref(), service.source.as_deref(), path);
            continue;
        }
        for (f, fact) in service.facts.iter().enumerate() {
            check(&service.id, Some(&fact.checked), Some(&fact.source), path.key("facts").index(f));
        }
    }
    let mut out: Vec<Diagnostic> = out.into_iter().map(|d| d.located(source)).collect();
    Diagnostic::sort_in_file_order(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(display: &str, dial: &str) -> Phone {
        Phone { display: display.to_owned(), dial: dial.to_owned() }
    }

    #[test]
    fn a_phone_number_shown_is_the_number_dialled() {
        for (display, dial) in [("0800 1111", "08001111"), ("116 123", "116123"), ("(0808) 800-5000", "08088005000"), ("+44 800 1111", "+448001111"), ("999", "999")] {
            assert!(display_matches_dial(&phone(display, dial)), "{display} dials {dial}");
        }
        for (display, dial) in [
            ("0800 1111", "09098790000"),
            ("0800 1111", "080011112"),
            ("0800 1111", "+448001111"),
            ("０800 1111", "8001111"),
            ("0800\u{200b}1111", "08001111"),
            ("0800 1111 free", "08001111"),
            ("0800 1+111", "08001+111"),
        ] {
            assert!(!display_matches_dial(&phone(display, dial)), "{display:?} does not show {dial}");
        }
    }

    #[test]
    fn the_standard_file_is_held_to_the_same_phone_rule() {
        let source = include_str!("../../stories/help/services-uk.json").replacen("\"dial\": \"08001111\"", "\"dial\": \"09098790000\"", 1);
        let problems = HelpDirectory::from_json(&source).unwrap_err();
        assert_eq!(problems.iter().map(|d| d.code).collect::<Vec<_>>(), ["phone-mismatch"]);
        assert!(HelpDirectory::from_json(include_str!("../../stories/help/services-uk.json")).is_ok());
    }

    #[test]
    fn a_local_service_name_in_look_alike_letters_is_refused() {
        let standard = HelpDirectory::from_json(include_str!("../../stories/help/services-uk.json")).unwrap();
        let codes = |name: &str| {
            let json = format!(
                r#"{{"id": "local", "name": "{name}", "audience": ["young_people"], "what_for": "Help.", "what_happens": "Someone listens."}}"#
            );
            let service: HelpService = serde_json::from_str(&json).unwrap();
            let mut out = Vec::new();
            check_local_service(&service, &standard, &JsonPath::root(), &mut out);
            out.iter().map(|d| d.code).collect::<Vec<_>>()
        };
        // Each has one letter that is Cyrillic, Greek or full-width, not Latin.
        for posing in ["\u{421}hildline", "Chi\u{3bf}dline", "N\u{405}PCC", "\u{ff23}hildline"] {
            assert_eq!(codes(posing), ["local-name-letters"], "{posing} is refused for its letters");
        }
        for own in ["Gwasanaeth Ieuenctid Ynys Môn", "St Mary’s school nurse", "Northshire Police on 101"] {
            assert_eq!(codes(own), Vec::<&str>::new(), "{own} is a name of its own");
        }
    }

    #[test]
    fn a_local_service_may_not_reuse_a_standard_name_in_any_spelling() {
        let standard = HelpDirectory::from_json(include_str!("../../stories/help/services-uk.json")).unwrap();
        let names = standard_names(&standard);
        for posing in ["Childline (new number)", "CHILD LINE", "Child-line", "NSPCC helpline for Northshire", "The CEOP Safety Centre", "Samaritans North"] {
            let name = letters_and_digits(posing);
            assert!(names.iter().any(|n| name.contains(n.as_str())), "{posing} poses as a standard service");
        }
        for own in ["Northshire Police on 101", "Northshire school nurse", "Kooth"] {
            let name = letters_and_digits(own);
            assert!(!names.iter().any(|n| name.contains(n.as_str())), "{own} is a name of its own");
        }
    }
}
