//! How old the help directory's facts are (`storycheck lint`): each fact names the page it was checked on and the
//! day, and a fact checked more than six months ago is due to be checked again.

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::help::HelpDirectory;

use super::calendar::Date;

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
                format!(
                    "service `{id}`: `source` should be the address (https://...) of the page the fact was checked on"
                ),
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
