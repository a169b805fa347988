//! Files an author chooses on their own device (the file picker, a folder, drag and drop, and where the browser
//! has it the File System Access picker), read in the tab and never sent anywhere: their text for the checker, and
//! pictures as `blob:` addresses that only this tab can open. The teacher's page alone uses this (the preview in
//! `ui/authoring/`), so the player's wasm does not carry it.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::{DragEvent, Event, NodeRef};

/// A file the author chose, with its path inside the chosen folder when a folder was chosen (else its name).
#[derive(Clone, PartialEq)]
pub struct ChosenFile {
    file: web_sys::File,
    path: String,
}

impl ChosenFile {
    fn new(file: web_sys::File) -> ChosenFile {
        // `webkitRelativePath` is the path inside a chosen folder; it is empty for files chosen one by one.
        let relative = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|p| p.as_string())
            .filter(|p| !p.is_empty());
        let path = relative.unwrap_or_else(|| file.name());
        ChosenFile { file, path }
    }

    /// The file's path inside the chosen folder, or its name.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The file's name alone.
    pub fn name(&self) -> String {
        self.file.name()
    }

    /// The file's text, read in the tab. Fails when the browser can no longer read it (Chromium refuses a file
    /// chosen with the picker once it has changed on disk), and then the author chooses it again.
    pub async fn text(&self) -> Result<String, String> {
        JsFuture::from(self.file.text())
            .await
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| "The browser could not read the file again. Choose it again, please.".to_owned())
    }

    /// A `blob:` address for the file that only this tab can open, until [`forget_address`] or the tab closes.
    pub fn address(&self) -> Option<String> {
        web_sys::Url::create_object_url_with_blob(&self.file).ok()
    }
}

/// Lets the browser free a file's `blob:` address.
pub fn forget_address(address: &str) {
    let _ = web_sys::Url::revoke_object_url(address);
}

fn from_list(list: Option<web_sys::FileList>) -> Vec<ChosenFile> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).map(ChosenFile::new).collect()
}

/// The files chosen in the `<input type="file">` that sent `event`.
pub fn from_input(event: &Event) -> Vec<ChosenFile> {
    let input = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    let files = from_list(input.as_ref().and_then(|i| i.files()));
    // Emptied, so choosing the same file again (after changing it) is still a change the page hears.
    if let Some(input) = input {
        input.set_value("");
    }
    files
}

/// The files dropped in a drag and drop.
pub fn from_drop(event: &DragEvent) -> Vec<ChosenFile> {
    from_list(event.data_transfer().and_then(|d| d.files()))
}

/// Opens the browser's file chooser of the `<input type="file">` in `input`, to choose a file again.
pub fn choose_again(input: &NodeRef) {
    if let Some(input) = input.cast::<web_sys::HtmlElement>() {
        input.click();
    }
}

/// A file opened through the File System Access API, which can be read again after it changes on disk.
#[derive(Clone, PartialEq)]
pub struct WatchedFile(JsValue);

/// True where the browser can open a file to read again later (`showOpenFilePicker`, Chromium-based browsers).
pub fn can_watch_files() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"showOpenFilePicker".into()).ok())
        .is_some_and(|f| f.is_function())
}

async fn call_promise(target: &JsValue, method: &str, argument: Option<JsValue>) -> Option<JsValue> {
    let function = js_sys::Reflect::get(target, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = match argument {
        Some(argument) => function.call1(target, &argument),
        None => function.call0(target),
    };
    JsFuture::from(promise.ok()?.dyn_into::<js_sys::Promise>().ok()?).await.ok()
}

/// Asks the author for a story file with the File System Access picker. `None` when they cancel.
pub async fn open_watched() -> Option<WatchedFile> {
    let window: JsValue = web_sys::window()?.into();
    let options = js_sys::Object::new();
    let type_ = js_sys::Object::new();
    let accept = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&accept, &"application/json".into(), &js_sys::Array::of1(&".json".into()));
    let _ = js_sys::Reflect::set(&type_, &"description".into(), &"Story file".into());
    let _ = js_sys::Reflect::set(&type_, &"accept".into(), &accept);
    let _ = js_sys::Reflect::set(&options, &"types".into(), &js_sys::Array::of1(&type_));
    let handles = call_promise(&window, "showOpenFilePicker", Some(options.into())).await?;
    let handle = js_sys::Reflect::get(&handles, &0.into()).ok().filter(|h| !h.is_undefined())?;
    Some(WatchedFile(handle))
}

impl WatchedFile {
    /// The file as it is on disk now.
    pub async fn read(&self) -> Option<ChosenFile> {
        let file = call_promise(&self.0, "getFile", None).await?;
        file.dyn_into::<web_sys::File>().ok().map(ChosenFile::new)
    }
}

/// Calls `changed` whenever the tab comes back into focus (the author was editing the file elsewhere), until the
/// returned listener is dropped.
pub fn on_tab_focus(changed: impl FnMut() + 'static) -> Option<gloo_events::EventListener> {
    let mut changed = changed;
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(&window, "focus", move |_| changed()))
}
