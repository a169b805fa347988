//! Progress kept in sessionStorage, and only there. Every failure is ignored: with storage blocked (private
//! mode, a third-party iframe) the story still plays, it just does not survive a reload.
//!
//! This is written against web-sys rather than gloo-storage because gloo's `SessionStorage` throws when the
//! browser refuses access to storage, and here that must never stop the story.

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn key(story: &str) -> String {
    format!("safety-stories:progress:{story}")
}

pub fn load_progress(story: &str) -> Option<String> {
    session()?.get_item(&key(story)).ok().flatten()
}

pub fn save_progress(story: &str, json: &str) {
    // After Exit this page nothing is written again, even if the page comes back from the back/forward cache
    // for the moment it takes to leave again.
    if let Some(storage) = session()
        && !has_exited(&storage)
    {
        let _ = storage.set_item(&key(story), json);
    }
}

pub fn forget_progress(story: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(&key(story));
    }
}

/// Left by Exit this page (`assets/exit-this-page.js`), so that Back cannot show the story again: the loader
/// leaves at once when it finds this on a Back or Forward visit, or when the page comes back from the
/// back/forward cache, and removes it on any other visit. It says only that this tab left the site.
const EXITED: &str = "safety-stories:exited";

fn has_exited(storage: &web_sys::Storage) -> bool {
    storage.get_item(EXITED).ok().flatten().is_some()
}

/// Whether this tab pressed Exit this page and has come back by Back or Forward: the loader is leaving again,
/// so the app does not start.
pub fn exited() -> bool {
    session().is_some_and(|storage| has_exited(&storage))
}

/// Forgets everything this site kept and leaves only the mark that the reader exited (what Exit this page does
/// in `assets/exit-this-page.js`, for when that is missing).
pub fn forget_all_and_mark_exit() {
    if let Some(storage) = session() {
        let _ = storage.clear();
        let _ = storage.set_item(EXITED, "1");
    }
}

/// The language picked with the switch, kept for this tab only (Exit this page clears it with the rest).
/// `assets/language-pick.js` keeps a pick made before the app has taken the page over under the same key.
const LANGUAGE: &str = "safety-stories:language";

pub fn load_language() -> Option<String> {
    session()?.get_item(LANGUAGE).ok().flatten()
}

pub fn save_language(tag: &str) {
    if let Some(storage) = session()
        && !has_exited(&storage)
    {
        let _ = storage.set_item(LANGUAGE, tag);
    }
}
