//! The page itself: where the app goes, the `<html>` element's attributes and custom properties, and style sheets
//! made in code.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn root() -> Option<web_sys::HtmlElement> {
    document()?.document_element()?.dyn_into().ok()
}

/// The element the app is drawn in, `#app`.
pub fn app_element() -> Option<web_sys::Element> {
    document()?.get_element_by_id("app")
}

/// The path from the site's folder of the page the prerender wrote into `#app` (its `data-prerendered`), e.g.
/// `story/ID/SCENE/`, or `None` when the page was not prerendered.
pub fn prerendered_page(app: &web_sys::Element) -> Option<String> {
    app.get_attribute("data-prerendered")
}

/// The language a page was drawn in (`<html lang>`, which the prerender writes), English when it says none.
pub fn page_language() -> String {
    root()
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_else(|| crate::ui::messages::DEFAULT_LANGUAGE.to_owned())
}

/// Sets an attribute on `<html>` for the stylesheet, e.g. `data-present`.
pub fn mark(attribute: &str) {
    if let Some(root) = root() {
        let _ = root.set_attribute(attribute, "");
    }
}

pub fn unmark(attribute: &str) {
    if let Some(root) = root() {
        let _ = root.remove_attribute(attribute);
    }
}

/// Sets CSS custom properties on `<html>` (CSSOM, so a strict style-src still allows it).
pub fn set_custom_properties(properties: impl IntoIterator<Item = (&'static str, String)>) {
    if let Some(root) = root() {
        for (name, value) in properties {
            let _ = root.style().set_property(name, &value);
        }
    }
}

/// Adds a style sheet made from `css` to the page, as a constructed sheet (CSSOM, which the page's strict
/// `style-src` allows). Returns false when the browser refused it.
pub fn adopt_style_sheet(css: &str) -> bool {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else { return false };
    if sheet.replace_sync(css).is_err() {
        return false;
    }
    set_adopted(&js_sys::Array::of1(&sheet));
    true
}

/// Takes away the style sheets added with [`adopt_style_sheet`].
pub fn drop_adopted_style_sheets() {
    set_adopted(&js_sys::Array::new());
}

fn set_adopted(sheets: &js_sys::Array) {
    if let Some(document) = document() {
        document.set_adopted_style_sheets(sheets);
    }
}

/// The browser's languages in the reader's order (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Puts the interface's language on `<html>`: `lang`, and `dir="rtl"` for a right-to-left one.
pub fn set_language(tag: &str, right_to_left: bool) {
    if let Some(root) = root() {
        let _ = root.set_attribute("lang", tag);
        if right_to_left {
            let _ = root.set_attribute("dir", "rtl");
        } else {
            let _ = root.remove_attribute("dir");
        }
    }
}
