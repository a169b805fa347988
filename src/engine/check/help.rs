//! Checks on help services, wherever they are written: the standard help file, a story's own services and a site's
//! local ones. A service's links, phone number and audience must be sound; a service a story or a site adds may
//! not pose as a standard one; an ending may name only services that exist.

use std::collections::BTreeSet;

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::format::{Ending, Scene};
use crate::engine::help::{HelpDirectory, HelpService, Phone, link_is_allowed};
use crate::engine::id::is_valid_id;

use super::suggestions::Suggestions;

/// Checks a help directory file's services: ids unique, every service sound, and `for_adults` naming only
/// services in the file.
pub(crate) fn check_directory(directory: &HelpDirectory, out: &mut Vec<Diagnostic>) {
    let mut seen = BTreeSet::new();
    for (i, service) in directory.services.iter().enumerate() {
        let path = JsonPath::root().key("services").index(i);
        if !seen.insert(service.id.as_str()) {
            out.push(Diagnostic::error(
                "duplicate-id",
                format!("service id `{}` is used twice; ids must be unique", service.id),
                path.key("id"),
            ));
        }
        check_service(service, &path, out);
    }
    if let Some(for_adults) = &directory.for_adults {
        for (i, id) in for_adults.services.iter().enumerate() {
            if directory.get(id).is_none() {
                out.push(Diagnostic::error(
                    "unknown-service",
                    format!("`for_adults` names service `{id}`, which is not in this file"),
                    JsonPath::root().key("for_adults").key("services").index(i),
                ));
            }
        }
    }
}

/// Checks one service and adds what is wrong to `out`.
fn check_service(service: &HelpService, path: &JsonPath, out: &mut Vec<Diagnostic>) {
    if !is_valid_id(&service.id) {
        out.push(Diagnostic::error(
            "bad-id",
            format!("service id `{}` must be lower case letters, digits and dashes, e.g. `local-police`", service.id),
            path.key("id"),
        ));
    }
    for (field, text) in
        [("name", &service.name), ("what_for", &service.what_for), ("what_happens", &service.what_happens)]
    {
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

/// Whether a name keeps to the characters of Latin-script names: ASCII, Latin-1 and Latin Extended-A (the accented
/// letters of Welsh, Irish and Gaelic names), and general punctuation such as curly quotes. A letter from another
/// alphabet that looks like a Latin one (the Cyrillic `С` of `Сhildline`, or a full-width `Ｃ`) would slip past the
/// standard-name check, which compares ASCII letters, and no UK service needs one. Invisible and control characters
/// are left to the other checks (they are dropped before names are compared, and storycheck warns about them).
/// Ranges rather than `char::is_alphabetic`, whose Unicode tables cost 1.3 KB brotli of the player's download.
pub(crate) fn name_uses_latin_letters(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii() || ('\u{a0}'..='\u{17f}').contains(&c) || ('\u{2000}'..='\u{206f}').contains(&c))
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
pub(crate) fn check_local_service(
    service: &HelpService,
    standard: &HelpDirectory,
    path: &JsonPath,
    out: &mut Vec<Diagnostic>,
) {
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

/// The services an ending names: each exists (in the standard set or the story's own) and is named once.
pub(crate) fn check_ending_help(
    ending: &Ending,
    help_ids: &[&str],
    help_hints: &mut Suggestions<'_>,
    path: &JsonPath,
    scene: &Scene,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen = BTreeSet::new();
    for (i, id) in ending.help.iter().enumerate() {
        if !help_ids.contains(&id.as_str()) {
            out.push(
                Diagnostic::error(
                    "unknown-service",
                    format!("help service `{id}` does not exist{}", help_hints.hint(id)),
                    path.key("help").index(i),
                )
                .in_scene(&scene.id),
            );
        }
        if !seen.insert(id) {
            out.push(
                Diagnostic::warning(
                    "duplicate-service",
                    format!("help service `{id}` is listed twice"),
                    path.key("help").index(i),
                )
                .in_scene(&scene.id),
            );
        }
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
        for (display, dial) in [
            ("0800 1111", "08001111"),
            ("116 123", "116123"),
            ("(0808) 800-5000", "08088005000"),
            ("+44 800 1111", "+448001111"),
            ("999", "999"),
        ] {
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
        let source = include_str!("../../../stories/help/services-uk.json").replacen(
            "\"dial\": \"08001111\"",
            "\"dial\": \"09098790000\"",
            1,
        );
        let problems = HelpDirectory::from_json(&source).unwrap_err();
        assert_eq!(problems.iter().map(|d| d.code).collect::<Vec<_>>(), ["phone-mismatch"]);
        assert!(HelpDirectory::from_json(include_str!("../../../stories/help/services-uk.json")).is_ok());
    }

    #[test]
    fn a_local_service_name_in_look_alike_letters_is_refused() {
        let standard = HelpDirectory::from_json(include_str!("../../../stories/help/services-uk.json")).unwrap().value;
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
        let standard = HelpDirectory::from_json(include_str!("../../../stories/help/services-uk.json")).unwrap().value;
        let names = standard_names(&standard);
        for posing in [
            "Childline (new number)",
            "CHILD LINE",
            "Child-line",
            "NSPCC helpline for Northshire",
            "The CEOP Safety Centre",
            "Samaritans North",
        ] {
            let name = letters_and_digits(posing);
            assert!(names.iter().any(|n| name.contains(n.as_str())), "{posing} poses as a standard service");
        }
        for own in ["Northshire Police on 101", "Northshire school nurse", "Kooth"] {
            let name = letters_and_digits(own);
            assert!(!names.iter().any(|n| name.contains(n.as_str())), "{own} is a name of its own");
        }
    }
}
