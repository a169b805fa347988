//! Names that files use to refer to one another: story, scene and service ids, flag names and language tags. One
//! place for each rule, so a story, a help file, a site config and a link from the page's address agree on it.

/// Ids appear in URLs, so they are kept to characters that never need escaping.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// A flag name: lower case letters, digits and underscores, e.g. `told_friend`.
pub(crate) fn is_valid_flag(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A simple BCP 47 shape check: a 2–3 letter language, then optional subtags of letters and digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
