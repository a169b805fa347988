//! Every word of the player's and the teacher's own interface, one message file per language in
//! `assets/messages/` (flat JSON: a key, its text; keys starting with `@` are the file's details). English (en-GB)
//! is compiled into the wasm, so the prerendered English pages are taken over with no extra download, and is what
//! any other language falls back to for a key it lacks; another language is downloaded from the site only when it
//! is in use (`app.rs`). Nothing here calls the browser, so the choice of language and the plural rules are tested
//! natively.
//!
//! A text may hold `{name}` places that `format` fills. A count has one entry per CLDR plural category, the key
//! ending in `_zero`, `_one`, `_two`, `_few`, `_many` or `_other` (the i18next convention, which Weblate reads);
//! `_other` must be there, and `count` picks the entry by `plural_category`.

use std::rc::Rc;

/// The language compiled into the player, and the one every other falls back to.
pub const DEFAULT_LANGUAGE: &str = "en-GB";

/// The languages the language switch offers, each named in itself (the switch marks each with its own `lang`).
pub const LANGUAGES: [(&str, &str); 2] = [("en-GB", "English"), ("cy", "Cymraeg")];

/// The English words the player carries: `assets/messages/en-GB.json` without the teacher's page's own (`teacher.`
/// keys), as `build.rs` writes it. The teacher's page downloads the whole file as it starts (`use_whole_english`).
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/en-GB.player.json"));

/// Where the other languages' files are, from the site's folder.
pub fn file_of(language: &str) -> String {
    format!("assets/messages/{language}.json")
}

/// One language's interface words.
#[derive(Debug, PartialEq)]
pub struct Messages {
    language: String,
    right_to_left: bool,
    entries: Vec<(String, String)>,
}

thread_local! {
    /// English, which every language falls back to: the player's part compiled in, or the whole file once the
    /// teacher's page has downloaded it.
    static BUILT_IN: std::cell::RefCell<Rc<Messages>> =
        std::cell::RefCell::new(Rc::new(Messages::from_json(ENGLISH).expect("assets/messages/en-GB.json loads")));
}

/// Makes `whole` (the whole English file, the teacher's page's words too) the English every language falls back
/// to. The teacher's page calls it before it first draws.
pub fn use_whole_english(whole: Messages) {
    BUILT_IN.with(|english| *english.borrow_mut() = Rc::new(whole));
}

impl Messages {
    /// The English words compiled into the player (read once per thread).
    pub fn english() -> Rc<Messages> {
        BUILT_IN.with(|english| english.borrow().clone())
    }

    /// Reads a message file. `None` when it is not a flat JSON object of strings or does not say its `@language`.
    pub fn from_json(text: &str) -> Option<Messages> {
        let MessageFile(pairs) = serde_json::from_str(text).ok()?;
        let mut messages = Messages { language: String::new(), right_to_left: false, entries: Vec::new() };
        for (key, value) in pairs {
            match key.as_str() {
                "@language" => messages.language = value,
                "@direction" => messages.right_to_left = value == "rtl",
                _ if key.starts_with('@') => {}
                _ => messages.entries.push((key, value)),
            }
        }
        crate::engine::is_language_tag(&messages.language).then_some(messages)
    }

    /// The file's own language tag, e.g. `cy`.
    pub fn language(&self) -> &str {
        &self.language
    }

    pub fn right_to_left(&self) -> bool {
        self.right_to_left
    }

    fn own(&self, key: &str) -> Option<&str> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The text for `key`: this language's, else the built-in English, else the key itself (a test catches that).
    pub fn text(&self, key: &str) -> String {
        match self.own(key) {
            Some(text) => text.to_owned(),
            None => BUILT_IN.with(|english| english.borrow().own(key).unwrap_or(key).to_owned()),
        }
    }

    /// The text for `key` with each `{name}` filled in.
    pub fn format(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.text(key), values)
    }

    /// The text for `n` of something: the entry `key_CATEGORY` for this language's plural category of `n`, else
    /// `key_other`, with `{n}` filled in.
    pub fn count(&self, key: &str, n: u32, values: &[(&str, &str)]) -> String {
        let category = plural_category(&self.language, n);
        let specific = format!("{key}_{category}");
        let chosen = if self.own(&specific).is_some() { specific } else { format!("{key}_other") };
        fill(self.format(&chosen, values), &[("n", &n.to_string())])
    }
}

thread_local! {
    /// The words of the screen being drawn: `App` puts its state's `Messages` here at the start of each of its
    /// renders, before any screen below it draws, so every view words itself with `t`, `t_with` and `t_count`
    /// without each plain-function view taking the messages as an argument. A component that draws words and does
    /// not read the state would not be drawn again when the language changes, so each calls
    /// `state::use_redraw_on_language`.
    static CURRENT: std::cell::RefCell<Rc<Messages>> = std::cell::RefCell::new(Messages::english());
}

/// Makes `messages` the words every view draws with (called by `App` as it renders, and by tests).
pub fn set_current(messages: Rc<Messages>) {
    CURRENT.with(|current| *current.borrow_mut() = messages);
}

/// The current language's text for `key`, as the `AttrValue` that a text node or an attribute holds: made once here
/// rather than converted from a `String` at each of the hundred places that draw a word (docs/size.md).
// Not inlined: about 170 views call these, and a copy at each costs the player's download (docs/size.md).
#[inline(never)]
pub fn t(key: &str) -> yew::AttrValue {
    CURRENT.with(|current| current.borrow().text(key)).into()
}

/// The current language's text for `key` with each `{name}` filled in.
// Not inlined: about 170 views call these, and a copy at each costs the player's download (docs/size.md).
#[inline(never)]
pub fn t_with(key: &str, values: &[(&str, &str)]) -> String {
    CURRENT.with(|current| current.borrow().format(key, values))
}

/// The current language's text for `n` of something (see `Messages::count`).
// Not inlined: about 170 views call these, and a copy at each costs the player's download (docs/size.md).
#[inline(never)]
pub fn t_count(key: &str, n: u32, values: &[(&str, &str)]) -> String {
    CURRENT.with(|current| current.borrow().count(key, n, values))
}

/// The current interface language's tag.
// Not inlined: about 170 views call these, and a copy at each costs the player's download (docs/size.md).
#[inline(never)]
pub fn current_language() -> String {
    CURRENT.with(|current| current.borrow().language().to_owned())
}

fn fill(mut text: String, values: &[(&str, &str)]) -> String {
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// A message file as its pairs in file order. serde_json's map reader would bring a `BTreeMap` into the wasm.
struct MessageFile(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for MessageFile {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> serde::de::Visitor<'de> for Pairs {
            type Value = MessageFile;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("an object of texts")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<MessageFile, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(MessageFile(pairs))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

/// The CLDR cardinal plural category of a whole number `n` in `language` (CLDR 46's rules, for whole numbers only:
/// the interface counts scenes, endings, choices and votes). Welsh: zero, one, two, few (3), many (6), other; every
/// other language the player has, and the pseudo-languages made from English, as English: one, other.
///
/// A dozen lines instead of a plural-rules crate: `intl_pluralrules` added 11.6 KB and `icu_plurals` 14.2 KB
/// (brotli) with every locale's rules, beside 7 KB left in the byte budget (docs/size.md). A native test holds
/// these rules equal to `intl_pluralrules` for 0 to 1,000 in en and cy; a language added to the switch adds its
/// rules here and to that test.
pub fn plural_category(language: &str, n: u32) -> &'static str {
    let primary = language.split('-').next().unwrap_or_default();
    match (primary, n) {
        ("cy", 0) => "zero",
        ("cy", 1) | (_, 1) => "one",
        ("cy", 2) => "two",
        ("cy", 3) => "few",
        ("cy", 6) => "many",
        _ => "other",
    }
}

/// The interface language for a screen: the one chosen with the switch in this tab, else (inside a story) the
/// story's own language when the player has it, else the first of the browser's languages the player has, else
/// en-GB. A chosen tag that the player does not offer (e.g. a pseudo-language in the tests) is kept: its file is
/// downloaded, and if there is none the words stay English.
pub fn choose_language(chosen: Option<&str>, story: Option<&str>, browser: &[String]) -> String {
    if let Some(chosen) = chosen.filter(|tag| crate::engine::is_language_tag(tag)) {
        return chosen.to_owned();
    }
    let offered = |tag: &str| {
        let primary = tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
        LANGUAGES.iter().find(|(offer, _)| offer.split('-').next() == Some(primary.as_str())).map(|(offer, _)| *offer)
    };
    story
        .and_then(offered)
        .or_else(|| browser.iter().find_map(|tag| offered(tag)))
        .unwrap_or(DEFAULT_LANGUAGE)
        .to_owned()
}

/// The language other than English that a prerendered page is drawn in: its story's, when the player has it. The
/// prerender and the browser taking the page over (`app::load_page`) both ask this, so they draw the same words.
pub fn page_messages(story_language: Option<&str>) -> Option<String> {
    let language = choose_language(None, Some(story_language?), &[]);
    (language != DEFAULT_LANGUAGE).then_some(language)
}

/// `tag` when it is not the interface's language, for the `lang` attribute of a story's or a help file's own words
/// (`None` leaves the attribute out, as the page's `lang` already says it).
pub fn other_language(tag: &str) -> Option<String> {
    CURRENT.with(|current| (!current.borrow().language().eq_ignore_ascii_case(tag)).then(|| tag.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole English file, the teacher's page's words too (the player carries only its own part).
    fn whole_english() -> Messages {
        Messages::from_json(include_str!("../../assets/messages/en-GB.json")).expect("en-GB.json loads")
    }

    fn welsh() -> Messages {
        Messages::from_json(include_str!("../../assets/messages/cy.json")).expect("cy.json loads")
    }

    #[test]
    fn the_built_in_english_and_the_welsh_files_load_with_their_language() {
        assert_eq!(Messages::english().language(), "en-GB");
        assert_eq!(welsh().language(), "cy");
        assert!(!welsh().right_to_left());
    }

    #[test]
    fn every_welsh_key_is_an_english_key_and_every_english_text_is_in_welsh() {
        let english = whole_english();
        let welsh = welsh();
        let base = |key: &str| {
            ["_zero", "_one", "_two", "_few", "_many", "_other"]
                .iter()
                .find_map(|suffix| key.strip_suffix(suffix))
                .map(str::to_owned)
                .unwrap_or_else(|| key.to_owned())
        };
        for (key, _) in &welsh.entries {
            assert!(english.entries.iter().any(|(k, _)| base(k) == base(key)), "cy.json has {key}, en-GB.json has not");
        }
        for (key, _) in &english.entries {
            let welsh_has = welsh.entries.iter().any(|(k, _)| base(k) == base(key));
            assert!(welsh_has, "en-GB.json has {key}, cy.json has no translation of it");
        }
    }

    #[test]
    fn every_plural_entry_has_an_other_form_in_both_files() {
        for messages in [&whole_english(), &welsh()] {
            for (key, _) in &messages.entries {
                if let Some(base) = ["_zero", "_one", "_two", "_few", "_many"].iter().find_map(|s| key.strip_suffix(s))
                {
                    let other = format!("{base}_other");
                    assert!(messages.own(&other).is_some(), "{} has {key} but not {other}", messages.language);
                }
            }
        }
    }

    #[test]
    fn the_player_carries_every_english_word_but_the_teachers_pages_own() {
        let (player, whole) = (Messages::english(), whole_english());
        for (key, text) in &whole.entries {
            let carried = player.own(key);
            if key.starts_with("teacher.") {
                assert_eq!(carried, None, "the player's wasm carries {key}, which only the teacher's page shows");
            } else {
                assert_eq!(carried, Some(text.as_str()), "the player's wasm lacks {key}");
            }
        }
    }

    #[test]
    fn a_missing_key_falls_back_to_english_and_then_to_the_key() {
        let partial = Messages::from_json(r#"{"@language": "cy", "exit": "Gadael"}"#).expect("loads");
        assert_eq!(partial.text("exit"), "Gadael");
        assert_eq!(partial.text("get-help"), Messages::english().text("get-help"));
        assert_eq!(partial.text("no-such-key"), "no-such-key");
    }

    #[test]
    fn a_file_that_is_not_an_object_of_texts_or_names_no_language_is_refused() {
        assert_eq!(Messages::from_json("[]"), None);
        assert_eq!(Messages::from_json(r#"{"exit": "Gadael"}"#), None);
        assert_eq!(Messages::from_json(r#"{"@language": "cy", "exit": 3}"#), None);
    }

    #[test]
    fn counts_pick_the_welsh_plural_forms() {
        let welsh = Messages::from_json(
            r#"{"@language": "cy", "c_zero": "dim {n}", "c_one": "un {n}", "c_two": "dau {n}", "c_few": "tri {n}",
            "c_many": "chwech {n}", "c_other": "arall {n}"}"#,
        )
        .expect("loads");
        let said: Vec<String> = [0, 1, 2, 3, 4, 6, 7, 11].iter().map(|&n| welsh.count("c", n, &[])).collect();
        assert_eq!(said, ["dim 0", "un 1", "dau 2", "tri 3", "arall 4", "chwech 6", "arall 7", "arall 11"]);
        let english = Messages::from_json(r#"{"@language": "en-GB", "c_one": "{n} scene", "c_other": "{n} scenes"}"#)
            .expect("loads");
        assert_eq!([english.count("c", 1, &[]), english.count("c", 0, &[])], ["1 scene", "0 scenes"]);
    }

    #[test]
    fn a_count_with_only_an_other_form_uses_it() {
        let welsh = Messages::from_json(r#"{"@language": "cy", "c_other": "{n} o bethau"}"#).expect("loads");
        assert_eq!(welsh.count("c", 2, &[]), "2 o bethau");
    }

    // Native only: it reads the crate's files, or the native dev-dependency `intl_pluralrules`.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_plural_rules_are_cldrs_for_english_and_welsh_from_0_to_1000() {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        let name = |category: PluralCategory| match category {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        };
        for (ours, theirs) in [("en-GB", "en"), ("cy", "cy")] {
            let rules = PluralRules::create(
                theirs.parse::<unic_langid::LanguageIdentifier>().expect("a tag"),
                PluralRuleType::CARDINAL,
            )
            .expect("rules");
            for n in 0..=1000u32 {
                let expected = name(rules.select(n).expect("a category"));
                assert_eq!(plural_category(ours, n), expected, "{ours}: the category of {n}");
            }
        }
    }

    #[test]
    fn the_language_is_the_chosen_one_then_the_storys_then_the_browsers_then_english() {
        let browser = vec!["fr-FR".to_owned(), "cy-GB".to_owned(), "en-US".to_owned()];
        assert_eq!(choose_language(Some("en-GB"), Some("cy"), &browser), "en-GB");
        assert_eq!(choose_language(Some("en-XA"), None, &[]), "en-XA");
        assert_eq!(choose_language(Some("../x"), None, &[]), "en-GB");
        assert_eq!(choose_language(None, Some("cy"), &[]), "cy");
        assert_eq!(choose_language(None, Some("en-GB"), &browser), "en-GB");
        assert_eq!(choose_language(None, Some("fr"), &browser), "cy");
        assert_eq!(choose_language(None, None, &browser), "cy");
        assert_eq!(choose_language(None, None, &["de".to_owned()]), "en-GB");
        assert_eq!(choose_language(None, None, &["EN-us".to_owned()]), "en-GB");
    }

    // Native only: it reads the crate's files, or the native dev-dependency `intl_pluralrules`.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_key_the_code_names_is_in_the_english_file() {
        fn rust_files(folder: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(folder).expect("src/ui is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    rust_files(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    found.push(path);
                }
            }
        }
        let mut files = Vec::new();
        rust_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui")), &mut files);
        let english = whole_english();
        let mut named = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for (call, plural) in [("t(\"", false), ("t_with(\"", false), ("t_count(\"", true), ("format(\"", false)] {
                for (at, _) in text.match_indices(call) {
                    let preceded = text[..at].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_');
                    if preceded && call == "t(\"" {
                        continue;
                    }
                    let rest = &text[at + call.len()..];
                    let key = &rest[..rest.find('"').expect("a closed string")];
                    if call == "format(\"" && (key.contains(' ') || key.contains('{') || key.is_empty()) {
                        continue;
                    }
                    let wanted = if plural { format!("{key}_other") } else { key.to_owned() };
                    // The player carries no `teacher.` words, so only the teacher's screens (and the lesson pack's
                    // guide headings in words.rs) may name them.
                    let teachers = ["classroom", "embed", "authoring", "words.rs"];
                    let path = file.to_string_lossy();
                    assert!(
                        !key.starts_with("teacher.") || teachers.iter().any(|part| path.contains(part)),
                        "{path} names {key}, a word the player does not carry"
                    );
                    assert!(
                        english.own(&wanted).is_some(),
                        "{} names {wanted}, which en-GB.json lacks",
                        file.display()
                    );
                    named += 1;
                }
            }
        }
        assert!(named > 150, "the scan found only {named} keys: has the way the code names them changed?");
    }
}
