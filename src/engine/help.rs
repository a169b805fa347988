//! Help services (signposting). The standard UK set is data in `stories/help/services-uk.json`, not code, so it can
//! be checked and updated without touching the program.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::diagnostics::{Diagnostic, JsonPath};

/// The format version of a help directory file.
pub const HELP_FORMAT_VERSION: u32 = 1;

/// A list of help services, such as the standard UK set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HelpDirectory {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub format: u32,
    /// The region these services cover, e.g. `UK`.
    pub region: String,
    pub services: Vec<HelpService>,
}

/// One service a reader can turn to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// When the facts above were last checked against the source, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
        let mut problems: Vec<Diagnostic> = problems.into_iter().map(|d| d.located(source)).collect();
        Diagnostic::sort_in_file_order(&mut problems);
        if problems.iter().any(Diagnostic::is_error) { Err(problems) } else { Ok(directory) }
    }

    pub fn get(&self, id: &str) -> Option<&HelpService> {
        self.services.iter().find(|s| s.id == id)
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
