//! Every word of the player's and the teacher's own interface, one message file per language in
//! `assets/messages/` (flat JSON: a key, its text; keys starting with `@` are the file's details), which is what
//! translators edit. The wasm carries no words: every language, English (en-GB) too, is downloaded from the site
//! when it is in use (`app.rs`), and a prerendered page is taken over once the words it was drawn in are here.
//! Native code (the prerender, the tests) has English compiled in. English is what another language falls back to
//! for a key it lacks: the build fills those in from English as it writes each list (`list_of_json`), so a reader
//! downloads one language's list; a list without them falls back to English once English is here. Nothing here
//! calls the browser, so the choice of language and the plural rules are tested natively.
//!
//! The wasm carries no keys: `build.rs` numbers every key of en-GB.json (its "slot", in file order) and writes
//! English's texts as a list by slot. A view names a key with `t!("key")`, `t_with!` or `t_count!` (or `key!` in a
//! table), which turns it into its slot at compile time, so a key that en-GB.json lacks fails the build. The build
//! writes each language's file as a JSON list by slot too (`LANG.list.json`, `list_of_json`, run by the prerender
//! in `scripts/post-build.mjs`), which is what the player downloads (docs/size.md).
//!
//! A text may hold `{name}` places that `format` fills. A count has one entry per CLDR plural category, the key
//! ending in `_zero`, `_one`, `_two`, `_few`, `_many` or `_other` (the i18next convention, which Weblate reads);
//! `_other` must be there, and `count` picks the entry by `plural_category`. Each plural has six slots, one per
//! category in `CATEGORIES` order, whichever of them English has.

use std::rc::Rc;

use yew::AttrValue;

// `KEYS` (every key, by slot: only ever read in constants, so it stays out of the wasm) and, native only,
// `ENGLISH_TEXTS`.
include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The CLDR plural categories, in the order of a plural's six slots.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The language the player starts in, and the one every other falls back to.
pub const DEFAULT_LANGUAGE: &str = "en-GB";

/// The languages the language switch offers, each named in itself (the switch marks each with its own `lang`).
pub const LANGUAGES: [(&str, &str); 2] = [("en-GB", "English"), ("cy", "Cymraeg")];

/// Where a language's words are, from the site's folder: the list by slot that the build writes from
/// `assets/messages/LANG.json` (`list_of_json`).
pub fn file_of(language: &str) -> String {
    format!("assets/messages/{language}.list.json")
}

/// A message's slot: where its text is in every language's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(u16);

impl Key {
    /// The slot of `key` in `assets/messages/en-GB.json`. `key!`, `t!` and `t_with!` call it in a constant, so a key
    /// the file lacks (a misspelling) panics at compile time and fails the build.
    pub const fn of(key: &str) -> Key {
        Key::find(key.as_bytes(), b"")
    }

    /// The first of the six slots of the plural `base` (its `_zero`; see `CATEGORIES`). `t_count!` calls it in a
    /// constant, so a plural the file lacks fails the build.
    pub const fn plural(base: &str) -> Key {
        Key::find(base.as_bytes(), b"_zero")
    }

    const fn find(start: &[u8], end: &[u8]) -> Key {
        let mut slot = 0;
        while slot < KEYS.len() {
            let key = KEYS[slot].as_bytes();
            if key.len() == start.len() + end.len() {
                let mut at = 0;
                while at < key.len() {
                    let wanted = if at < start.len() { start[at] } else { end[at - start.len()] };
                    if key[at] != wanted {
                        break;
                    }
                    at += 1;
                }
                if at == key.len() {
                    return Key(slot as u16);
                }
            }
            slot += 1;
        }
        panic!("assets/messages/en-GB.json has no such key");
    }

    fn slot(self) -> usize {
        self.0 as usize
    }
}

/// The slot of a message key, found at compile time: `key!("exit")`. For tables of keys; views say `t!("exit")`.
macro_rules! key {
    ($key:literal) => {
        const { $crate::ui::messages::Key::of($key) }
    };
}

/// The current language's text for a key, as an `AttrValue`: `t!("exit")`, or `t!(key)` for a `Key` from a table.
macro_rules! t {
    ($key:literal) => {
        $crate::ui::messages::text_of($crate::ui::messages::key!($key))
    };
    ($key:expr) => {
        $crate::ui::messages::text_of($key)
    };
}

/// The current language's text for a key with each `{name}` filled in: `t_with!("now", &[("scene", title)])`.
macro_rules! t_with {
    ($key:literal, $values:expr $(,)?) => {
        $crate::ui::messages::format_of($crate::ui::messages::key!($key), $values)
    };
    ($key:expr, $values:expr $(,)?) => {
        $crate::ui::messages::format_of($key, $values)
    };
}

/// The current language's text for `n` of something, by the plural's name without its category:
/// `t_count!("minutes", n, &[])` (see `Messages::count`).
macro_rules! t_count {
    ($base:literal, $n:expr, $values:expr $(,)?) => {
        $crate::ui::messages::count_of(const { $crate::ui::messages::Key::plural($base) }, $n, $values)
    };
}

pub(crate) use {key, t, t_count, t_with};

/// One language's interface words.
#[derive(Debug, PartialEq)]
pub struct Messages {
    language: String,
    right_to_left: bool,
    /// The language's text for each slot; `None` (or a list shorter than the slots) falls back to English.
    texts: Vec<Option<AttrValue>>,
}

thread_local! {
    /// English, which every language falls back to: empty until the app has downloaded it (`use_english`). Native
    /// code reads the texts compiled in (`ENGLISH_TEXTS`) instead, so this holds none of its own there.
    static ENGLISH: std::cell::RefCell<Rc<Messages>> = std::cell::RefCell::new(Rc::new(Messages {
        language: DEFAULT_LANGUAGE.to_owned(),
        right_to_left: false,
        texts: Vec::new(),
    }));
}

/// Makes `english` (the English list, downloaded) the English every language falls back to and `Messages::english`
/// gives. The app calls it when English arrives, before it draws with it.
pub fn use_english(english: Rc<Messages>) {
    ENGLISH.with(|current| *current.borrow_mut() = english);
}

/// English's text for `key`: the downloaded list's, else (native only) the one compiled in, a static text, so the
/// prerender draws English words without copying them; else empty.
fn english_text(key: Key) -> AttrValue {
    let downloaded = ENGLISH.with(|english| english.borrow().own(key).cloned());
    #[cfg(not(target_arch = "wasm32"))]
    let downloaded = downloaded.or(Some(AttrValue::Static(ENGLISH_TEXTS[key.slot()])));
    downloaded.unwrap_or_default()
}

impl Messages {
    /// English: the downloaded list once the app has it (`use_english`); natively, the texts compiled in.
    pub fn english() -> Rc<Messages> {
        ENGLISH.with(|english| english.borrow().clone())
    }

    /// English once it has been downloaded (`use_english`), so it need not be downloaded again.
    pub fn downloaded_english() -> Option<Rc<Messages>> {
        Some(Messages::english()).filter(|english| !english.texts.is_empty())
    }

    /// Reads a language's list by slot (`file_of`): slot 0 is its `@language` and slot 1 its `@direction`; a
    /// `null` or empty text falls back to English. `None` when it is not a JSON list of texts or does not say its
    /// language.
    pub fn from_list(text: &str) -> Option<Messages> {
        let list: Vec<Option<String>> = serde_json::from_str(text).ok()?;
        let texts: Vec<Option<AttrValue>> =
            list.into_iter().map(|text| text.filter(|t| !t.is_empty()).map(AttrValue::from)).collect();
        let language = texts.first().cloned().flatten()?.to_string();
        let right_to_left = texts.get(1).cloned().flatten().is_some_and(|direction| direction == "rtl");
        crate::engine::is_language_tag(&language).then_some(Messages { language, right_to_left, texts })
    }

    /// Reads a message file as translators write it (keyed). Native only: the player reads the build's lists.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Option<Messages> {
        Messages::from_list(&list_of_json(text)?)
    }

    /// The file's own language tag, e.g. `cy`.
    pub fn language(&self) -> &str {
        &self.language
    }

    pub fn right_to_left(&self) -> bool {
        self.right_to_left
    }

    fn own(&self, key: Key) -> Option<&AttrValue> {
        self.texts.get(key.slot())?.as_ref()
    }

    /// The text for `key`: this language's, else English's.
    pub fn text(&self, key: Key) -> AttrValue {
        match self.own(key) {
            Some(text) => text.clone(),
            None => english_text(key),
        }
    }

    /// The text for `key` with each `{name}` filled in.
    pub fn format(&self, key: Key, values: &[(&str, &str)]) -> String {
        fill(self.text(key).to_string(), values)
    }

    /// The text for `n` of something, `plural` being the plural's first slot (`Key::plural`): this language's
    /// entry for its plural category of `n`, else its `_other`; English's, in the same way, when this language has
    /// neither. `{n}` is filled in.
    pub fn count(&self, plural: Key, n: u32, values: &[(&str, &str)]) -> String {
        let slot_of =
            |category: &str| Key(plural.0 + CATEGORIES.iter().position(|c| *c == category).unwrap_or(5) as u16);
        let (specific, other) = (slot_of(plural_category(&self.language, n)), slot_of("other"));
        let text = match self.own(specific).or_else(|| self.own(other)) {
            Some(text) => text.clone(),
            None => Some(english_text(specific)).filter(|text| !text.is_empty()).unwrap_or_else(|| english_text(other)),
        };
        fill(fill(text.to_string(), values), &[("n", &n.to_string())])
    }
}

/// A message file as translators write it (`assets/messages/LANG.json`, keyed) as the list by slot that the player
/// downloads (`Messages::from_list`): every key en-GB.json has in its slot. Where the file lacks a text or leaves it
/// empty (as Weblate leaves a text not yet translated) English's is written, so a reader downloads only the list of
/// the language in use; a plural is filled in only when the file has none of its forms, since one it has (its
/// `_other`) stands in for the others (`Messages::count`). A slot English has no text for either is `null`. Keys
/// en-GB.json lacks are left out (a test holds Welsh to English's keys). `None` when the file is not a flat JSON
/// object of texts. Native only: the prerender writes the lists into the built site.
#[cfg(not(target_arch = "wasm32"))]
pub fn list_of_json(text: &str) -> Option<String> {
    let MessageFile(pairs) = serde_json::from_str(text).ok()?;
    let mut own: Vec<Option<String>> = vec![None; KEYS.len()];
    for (key, value) in pairs {
        if let Some(slot) = KEYS.iter().position(|known| *known == key) {
            own[slot] = Some(value).filter(|text| !text.is_empty());
        }
    }
    let forms_of = |slot: usize| {
        let plural = CATEGORIES.iter().find_map(|category| KEYS[slot].strip_suffix(&format!("_{category}")));
        let first = plural.map_or(slot, |base| Key::plural(base).slot());
        first..first + if plural.is_some() { CATEGORIES.len() } else { 1 }
    };
    let list: Vec<Option<String>> = (0..KEYS.len())
        .map(|slot| {
            // A file's details (`@language`, `@direction`) are its own: a file that names no language is refused.
            let untranslated = !KEYS[slot].starts_with('@') && own[forms_of(slot)].iter().all(Option::is_none);
            let english = Some(ENGLISH_TEXTS[slot]).filter(|text| untranslated && !text.is_empty());
            own[slot].clone().or(english.map(str::to_owned))
        })
        .collect();
    serde_json::to_string(&list).ok()
}

thread_local! {
    /// The words of the screen being drawn: `App` puts its state's `Messages` here at the start of each of its
    /// renders, before any screen below it draws, so every view words itself with `t!`, `t_with!` and `t_count!`
    /// without each plain-function view taking the messages as an argument. A component that draws words and does
    /// not read the state would not be drawn again when the language changes, so each calls
    /// `state::use_redraw_on_language`.
    static CURRENT: std::cell::RefCell<Rc<Messages>> = std::cell::RefCell::new(Messages::english());
}

/// Makes `messages` the words every view draws with (called by `App` as it renders, and by tests).
pub fn set_current(messages: Rc<Messages>) {
    CURRENT.with(|current| *current.borrow_mut() = messages);
}

/// The current language's text for `key` (what `t!` calls), as the `AttrValue` that a text node or an attribute
/// holds: English's is a static text and another language's is shared, so drawing a word copies nothing.
// Not inlined: about 170 views call these, and a copy at each costs the player's download (docs/size.md).
#[inline(never)]
pub fn text_of(key: Key) -> AttrValue {
    CURRENT.with(|current| current.borrow().text(key))
}

/// The current language's text for `key` with each `{name}` filled in (what `t_with!` calls).
// Not inlined: about 170 views call these, and a copy at each costs the player's download (docs/size.md).
#[inline(never)]
pub fn format_of(key: Key, values: &[(&str, &str)]) -> String {
    CURRENT.with(|current| current.borrow().format(key, values))
}

/// The current language's text for `n` of something (what `t_count!` calls; see `Messages::count`).
// Not inlined: about 170 views call these, and a copy at each costs the player's download (docs/size.md).
#[inline(never)]
pub fn count_of(plural: Key, n: u32, values: &[(&str, &str)]) -> String {
    CURRENT.with(|current| current.borrow().count(plural, n, values))
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

/// A message file as its pairs in file order (serde_json's own map reader would sort them).
#[cfg(not(target_arch = "wasm32"))]
struct MessageFile(Vec<(String, String)>);

#[cfg(not(target_arch = "wasm32"))]
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
/// prerender writes it in the page's `<html lang>`, which the browser taking the page over reads (`start`) to
/// download the same words.
pub fn page_messages(story_language: Option<&str>) -> Option<String> {
    let language = choose_language(None, Some(story_language?), &[]);
    (language != DEFAULT_LANGUAGE).then_some(language)
}

/// `tag` when it is not the interface's language, for the `lang` attribute of a story's or a help file's own words
/// (`None` leaves the attribute out, as the page's `lang` already says it).
pub fn other_language(tag: &str) -> Option<String> {
    CURRENT.with(|current| (!current.borrow().language().eq_ignore_ascii_case(tag)).then(|| tag.to_owned()))
}

// Native only: the tests read the keyed files (`from_json`), which only native code (the prerender) needs, so the
// wasm build of the lint (`cargo clippy --target wasm32-unknown-unknown --all-targets`) leaves them out.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn welsh() -> Messages {
        Messages::from_json(include_str!("../../assets/messages/cy.json")).expect("cy.json loads")
    }

    /// A message file's keys and texts in file order, the `@` details left out.
    fn entries(text: &str) -> Vec<(String, String)> {
        let MessageFile(pairs) = serde_json::from_str(text).expect("a message file");
        pairs.into_iter().filter(|(key, _)| !key.starts_with('@')).collect()
    }

    const ENGLISH_FILE: &str = include_str!("../../assets/messages/en-GB.json");
    const WELSH_FILE: &str = include_str!("../../assets/messages/cy.json");

    #[test]
    fn the_built_in_english_and_the_welsh_files_load_with_their_language() {
        assert_eq!(Messages::english().language(), "en-GB");
        assert_eq!(welsh().language(), "cy");
        assert!(!welsh().right_to_left());
    }

    #[test]
    fn every_welsh_key_is_an_english_key_and_every_english_text_is_in_welsh() {
        let (english, welsh) = (entries(ENGLISH_FILE), entries(WELSH_FILE));
        let base = |key: &str| {
            ["_zero", "_one", "_two", "_few", "_many", "_other"]
                .iter()
                .find_map(|suffix| key.strip_suffix(suffix))
                .map(str::to_owned)
                .unwrap_or_else(|| key.to_owned())
        };
        for (key, _) in &welsh {
            assert!(english.iter().any(|(k, _)| base(k) == base(key)), "cy.json has {key}, en-GB.json has not");
        }
        for (key, _) in &english {
            let welsh_has = welsh.iter().any(|(k, _)| base(k) == base(key));
            assert!(welsh_has, "en-GB.json has {key}, cy.json has no translation of it");
        }
    }

    #[test]
    fn every_plural_entry_has_an_other_form_in_both_files() {
        for file in [ENGLISH_FILE, WELSH_FILE] {
            let pairs = entries(file);
            for (key, _) in &pairs {
                if let Some(base) = ["_zero", "_one", "_two", "_few", "_many"].iter().find_map(|s| key.strip_suffix(s))
                {
                    let other = format!("{base}_other");
                    assert!(pairs.iter().any(|(k, _)| *k == other), "a message file has {key} but not {other}");
                }
            }
        }
    }

    #[test]
    fn native_code_carries_every_english_word_and_the_list_the_build_writes_holds_the_same() {
        let built: Vec<Option<String>> =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/en-GB.list.json"))).expect("a JSON list");
        let written: Vec<Option<String>> =
            serde_json::from_str(&list_of_json(ENGLISH_FILE).expect("en-GB.json is a message file")).expect("a list");
        assert_eq!(built, written, "the tests' English list is the one the site serves");
        for (key, text) in entries(ENGLISH_FILE) {
            assert_eq!(Messages::english().text(Key::of(&key)), text, "native code lacks {key}");
            assert_eq!(built[Key::of(&key).slot()].as_deref(), Some(text.as_str()), "the list lacks {key}");
        }
    }

    #[test]
    fn english_words_are_static_texts_and_copied_nowhere() {
        assert!(matches!(Messages::english().text(key!("get-help")), AttrValue::Static("Get help")));
    }

    #[test]
    fn a_missing_key_falls_back_to_english() {
        let partial = Messages::from_json(r#"{"@language": "cy", "get-help": "Cael help", "exit-this-page": ""}"#)
            .expect("loads");
        assert_eq!(partial.text(key!("get-help")), "Cael help");
        assert_eq!(partial.text(key!("site-name")), Messages::english().text(key!("site-name")));
        assert_eq!(
            partial.text(key!("exit-this-page")),
            Messages::english().text(key!("exit-this-page")),
            "an empty text is one not yet translated"
        );
        // A list without the English texts filled in (one made by hand, or shorter than the slots) falls back too.
        let short = Messages::from_list(r#"["cy", "ltr", null]"#).expect("loads");
        assert_eq!(short.text(key!("get-help")), "Get help");
        assert_eq!(short.count(Key::plural("minutes"), 2, &[]), "About 2 minutes");
    }

    #[test]
    fn the_build_fills_in_englishs_text_for_what_a_language_lacks_so_one_list_is_enough() {
        let list =
            list_of_json(r#"{"@language": "cy", "get-help": "Cael help", "exit-this-page": ""}"#).expect("a list");
        let read: Vec<Option<String>> = serde_json::from_str(&list).expect("a JSON list");
        let slot = |key: Key| read[key.slot()].as_deref();
        assert_eq!(slot(key!("get-help")), Some("Cael help"));
        assert_eq!(slot(key!("exit-this-page")), Some("Exit this page"), "an empty text is filled in too");
        assert_eq!(slot(key!("teacher.close")), Some("Close"), "the teacher's page's words too");
        assert_eq!(slot(key!("@direction")), None, "a file's details are its own (no direction reads as ltr)");
        let minutes = Key::plural("minutes");
        assert_eq!(slot(minutes), None, "English has no zero form, so there is none to fill in");
        assert_eq!(slot(Key(minutes.0 + 1)), Some("About {n} minute"), "a plural with no form is filled in");
    }

    #[test]
    fn a_plural_with_a_form_of_its_own_is_not_filled_in_from_english() {
        let list = list_of_json(r#"{"@language": "cy", "minutes_other": "{n} o funudau"}"#).expect("a list");
        let welsh = Messages::from_list(&list).expect("loads");
        assert_eq!(welsh.count(Key::plural("minutes"), 1, &[]), "1 o funudau", "not English's _one");
    }

    /// `key!`, `t!`, `t_with!` and `t_count!` find a key's slot in a constant, where this panic fails the build: a
    /// misspelled key cannot reach a reader. Called at run time here, so the test can see it.
    #[test]
    fn a_key_that_en_gb_lacks_is_refused() {
        assert!(std::panic::catch_unwind(|| Key::of("no-such-key")).is_err());
        assert!(std::panic::catch_unwind(|| Key::plural("get-help")).is_err(), "get-help is not a plural");
        assert_eq!(Key::plural("minutes"), Key::of("minutes_zero"));
    }

    #[test]
    fn a_file_that_is_not_an_object_of_texts_or_names_no_language_is_refused() {
        assert_eq!(Messages::from_json("[]"), None);
        assert_eq!(Messages::from_json(r#"{"get-help": "Cael help"}"#), None);
        assert_eq!(Messages::from_json(r#"{"@language": "cy", "get-help": 3}"#), None);
        assert_eq!(Messages::from_list(r#"{"@language": "cy"}"#), None);
        assert_eq!(Messages::from_list(r#"[null, "ltr"]"#), None);
        assert_eq!(Messages::from_list(r#"["../x"]"#), None);
    }

    #[test]
    fn the_list_the_build_writes_reads_as_the_file_it_was_made_from() {
        let list = list_of_json(WELSH_FILE).expect("cy.json is a message file");
        assert_eq!(Messages::from_list(&list), Some(welsh()));
        let read: Vec<Option<String>> = serde_json::from_str(&list).expect("a JSON list");
        assert_eq!(read.len(), KEYS.len(), "one text per slot");
        assert_eq!(read[..2], [Some("cy".to_owned()), Some("ltr".to_owned())], "its language and direction first");
        let right_to_left = Messages::from_list(r#"["ar-XB", "rtl", null, "x"]"#).expect("loads");
        assert!(right_to_left.right_to_left());
        assert_eq!(right_to_left.text(Key(3)), "x");
    }

    #[test]
    fn counts_pick_the_welsh_plural_forms() {
        let welsh = Messages::from_json(
            r#"{"@language": "cy", "minutes_zero": "dim {n}", "minutes_one": "un {n}", "minutes_two": "dau {n}",
            "minutes_few": "tri {n}", "minutes_many": "chwech {n}", "minutes_other": "arall {n}"}"#,
        )
        .expect("loads");
        let minutes = Key::plural("minutes");
        let said: Vec<String> = [0, 1, 2, 3, 4, 6, 7, 11].iter().map(|&n| welsh.count(minutes, n, &[])).collect();
        assert_eq!(said, ["dim 0", "un 1", "dau 2", "tri 3", "arall 4", "chwech 6", "arall 7", "arall 11"]);
        let english = Messages::english();
        assert_eq!(
            [english.count(minutes, 1, &[]), english.count(minutes, 0, &[])],
            ["About 1 minute", "About 0 minutes"]
        );
    }

    #[test]
    fn a_count_with_only_an_other_form_uses_it_and_one_with_none_uses_englishs() {
        let welsh = Messages::from_json(r#"{"@language": "cy", "minutes_other": "{n} o funudau"}"#).expect("loads");
        assert_eq!(welsh.count(Key::plural("minutes"), 1, &[]), "1 o funudau");
        let none = Messages::from_json(r#"{"@language": "cy"}"#).expect("loads");
        assert_eq!(
            [none.count(Key::plural("minutes"), 1, &[]), none.count(Key::plural("minutes"), 2, &[])],
            ["About 1 minute", "About 2 minutes"]
        );
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

    #[test]
    fn english_once_downloaded_is_what_every_language_falls_back_to() {
        assert_eq!(Messages::downloaded_english(), None, "nothing is downloaded natively at first");
        let downloaded =
            Rc::new(Messages::from_list(r#"["en-GB", "ltr", "Downloaded site name"]"#).expect("an English list loads"));
        use_english(downloaded.clone());
        assert_eq!(Messages::downloaded_english(), Some(downloaded));
        assert_eq!(Messages::english().text(Key(2)), "Downloaded site name");
        let short = Messages::from_list(r#"["cy", "ltr"]"#).expect("loads");
        assert_eq!(short.text(Key(2)), "Downloaded site name", "a missing text is the downloaded English one");
        assert_eq!(short.text(key!("get-help")), "Get help", "then the one compiled in, natively");
    }

    /// Every key the code names is in en-GB.json, or the build fails (`Key::of`); what is left to check is that
    /// only the teacher's screens name the teacher's page's own words, which the player does not carry.
    // Native only: it reads the crate's files.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn only_the_teachers_screens_name_the_teachers_words() {
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
        let mut named = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for call in ["t!(\"", "t_with!(\"", "t_count!(\"", "key!(\""] {
                for (at, _) in text.match_indices(call) {
                    if text[..at].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[at + call.len()..];
                    let key = &rest[..rest.find('"').expect("a closed string")];
                    // The lesson pack's guide headings are worded in words.rs.
                    let teachers = ["classroom", "embed", "authoring", "words.rs", "messages.rs"];
                    let path = file.to_string_lossy();
                    assert!(
                        !key.starts_with("teacher.") || teachers.iter().any(|part| path.contains(part)),
                        "{path} names {key}, a word the player does not carry"
                    );
                    named += 1;
                }
            }
        }
        assert!(named > 150, "the scan found only {named} keys: has the way the code names them changed?");
    }
}
