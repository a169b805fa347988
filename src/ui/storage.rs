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
    if let Some(storage) = session() {
        let _ = storage.set_item(&key(story), json);
    }
}

pub fn forget_progress(story: &str) {
    if let Some(storage) = session() {
        let _ = storage.remove_item(&key(story));
    }
}

/// Forgets everything this site kept (used by Exit this page).
pub fn clear_all() {
    if let Some(storage) = session() {
        let _ = storage.clear();
    }
}
