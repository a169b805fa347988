//! Downloads from the player's own origin, with paths relative to the page so it works in any folder.

use gloo_net::http::Request;

use super::state::LoadProblem;

pub async fn fetch_text(file: &str) -> Result<String, LoadProblem> {
    let fail = |reason: String| LoadProblem::Fetch { file: file.to_owned(), reason };
    // "no-cache" revalidates with the server, so a story edited on the server is never served stale.
    let response = Request::get(file)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|err| fail(err.to_string()))?;
    if !response.ok() {
        return Err(fail(format!("the server answered {} {}", response.status(), response.status_text())));
    }
    response.text().await.map_err(|err| fail(err.to_string()))
}
