//! Printing the page, and the date a teacher writes on what they print.

/// Today's date as a teacher writes it in `language`, e.g. "27 November 2026" (en-GB) or "27 Tachwedd 2026" (cy).
pub fn today(language: &str) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(js_sys::Date::new_0().to_locale_date_string(language, &options))
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
