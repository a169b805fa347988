//! Checks on a site's config: each colour must read at 4.5:1 behind white text (and `accent` on the page too), the
//! logo must be a plain path on the same site, and local services must be sound and must not pose as standard
//! ones. A setting that fails is dropped with a warning saying why; the rest of the config still applies.

use crate::engine::diagnostics::{Diagnostic, JsonPath};
use crate::engine::help::HelpDirectory;
use crate::engine::site::{IMAGE_EXTENSIONS, Rgb, SiteConfig, contrast_ratio, is_plain_relative_path};

use super::help::check_local_service;

/// WCAG 2.2 AA contrast for normal text.
const MIN_CONTRAST: f64 = 4.5;
/// The player's page background and the text colour on coloured buttons (see `assets/style.css`).
const PAGE: Rgb = Rgb(0xfb, 0xfa, 0xf7);
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// `4.54` as `4.5`, rounded down so a colour is never shown as passing when it does not. Integer formatting
/// keeps float printing out of the wasm build.
fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0).floor() as u32;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Drops every setting of `config` that fails its check and returns a warning for each.
pub(crate) fn drop_unsafe_settings(config: &mut SiteConfig, help: &HelpDirectory) -> Vec<Diagnostic> {
    let root = JsonPath::root();
    let mut notes = Vec::new();
    let colours = &mut config.colours;
    for (field, value, backgrounds) in [
        ("brand", &mut colours.brand, &[WHITE][..]),
        ("accent", &mut colours.accent, &[WHITE, PAGE][..]),
        ("help", &mut colours.help, &[WHITE][..]),
    ] {
        let Some(text) = value.clone() else { continue };
        let path = root.key("colours").key(field);
        let Some(rgb) = Rgb::parse(&text) else {
            notes.push(Diagnostic::warning(
                "bad-colour",
                format!("colour `{field}` is `{text}`; write it as #rrggbb. The default is used."),
                path,
            ));
            *value = None;
            continue;
        };
        let worst = backgrounds.iter().map(|&b| contrast_ratio(rgb, b)).fold(f64::INFINITY, f64::min);
        if worst < MIN_CONTRAST {
            notes.push(Diagnostic::warning(
                "low-contrast",
                format!(
                    "colour `{field}` {text} has a contrast of {}:1 with the text on it; WCAG AA needs 4.5:1. \
                     Pick a darker colour. The default is used.",
                    one_decimal(worst)
                ),
                path,
            ));
            *value = None;
        }
    }
    if let Some(logo) = &config.logo
        && !is_plain_relative_path(logo, &IMAGE_EXTENSIONS)
    {
        notes.push(Diagnostic::warning(
            "bad-logo",
            "`logo` must be a picture in the player's folder on this site, written as a plain path such as \
             `branding/logo.svg` (letters, digits, `-`, `_`, `.` and `/`; .svg, .png, .jpg or .webp); no logo is shown",
            root.key("logo"),
        ));
        config.logo = None;
    }
    let mut kept = Vec::new();
    for (i, service) in config.services.drain(..).enumerate() {
        let path = root.key("services").index(i);
        let mut problems = Vec::new();
        check_local_service(&service, help, &path, &mut problems);
        if problems.is_empty() {
            kept.push(service);
        } else {
            // One bad local service is left out; the rest of the config still applies.
            notes.extend(problems.into_iter().map(Diagnostic::as_warning));
        }
    }
    config.services = kept;
    notes
}
