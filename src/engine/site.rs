//! Local branding and help for a site that hosts the player (a police force or a school): its name, logo,
//! colours and extra local services. A config can only add to the standard help, never replace it, and colours
//! that would make text hard to read are refused so the defaults stay.

use schemars::JsonSchema;
use serde::Serialize;

use super::json_object::json_object;

use super::help::HelpService;

pub const SITE_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// A note for whoever edits the file; ignored.
    #[serde(rename = "$comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub format: u32,
    /// The organisation's name, shown in the top bar, e.g. `Northshire Police`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A logo on the same site: a relative path such as `branding/logo.svg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    #[serde(default)]
    pub colours: Colours,
    /// Local services shown after the standard UK set, e.g. the force's 101 line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<HelpService>,
}

/// Colours as `#rrggbb`. Each is used as a background behind white text, and `accent` also as link text on
/// the page, so each must reach 4.5:1 contrast.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Colours {
    /// The top bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Buttons and links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// Get help and call buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

// Objects only: see json_object.rs.
json_object!(SiteConfig {
    comment: "$comment" default, format: "format" required, name: "name" default, logo: "logo" default,
    colours: "colours" default, services: "services" default,
});
json_object!(Colours { brand: "brand" default, accent: "accent" default, help: "help" default });

impl Colours {
    /// The CSS custom properties to set, by name, for the colours that were accepted.
    pub fn custom_properties(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (name, value) in [("--brand", &self.brand), ("--accent", &self.accent), ("--help", &self.help)] {
            if let Some(value) = value {
                out.push((name, value.clone()));
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rrggbb` (or `#rgb`).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            6 => Some(Rgb(channel(&hex[0..2])?, channel(&hex[2..4])?, channel(&hex[4..6])?)),
            3 => {
                let d = |i: usize| channel(&hex[i..=i]).map(|v| v * 17);
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 { c / 12.92 } else { pow_2_4((c + 0.055) / 1.055) }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }
}

/// `x` to the power 2.4, for `x` from 0 to 1: x² times the fifth root of x², found by Newton's method from above.
/// Written out because `f64::powf` brings libm's `pow` into the browser's wasm (0.9 KB brotli) for this one use;
/// a test holds it to `powf` for every 8-bit channel value.
fn pow_2_4(x: f64) -> f64 {
    let squared = x * x;
    let mut root = 1.0_f64;
    // For y⁵ = x², Newton's steps from above fall towards the root and stop falling once they reach it.
    for _ in 0..100 {
        let fourth = (root * root) * (root * root);
        let next = (4.0 * root + squared / fourth) / 5.0;
        if next >= root {
            break;
        }
        root = next;
    }
    squared * root
}

/// The WCAG contrast ratio between two colours, from 1 to 21.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (a.luminance(), b.luminance());
    let (light, dark) = if x > y { (x, y) } else { (y, x) };
    (light + 0.05) / (dark + 0.05)
}

/// What a site config may be called.
pub const CONFIG_EXTENSIONS: [&str; 1] = [".json"];
/// What a site logo may be.
pub const IMAGE_EXTENSIONS: [&str; 5] = [".svg", ".png", ".jpg", ".jpeg", ".webp"];

/// A plain relative path on the player's own site, such as `branding/logo.svg`: only ASCII letters, digits and
/// `.`, `_`, `-`, `/`; no leading `/`, no empty or `..` segment; ending in one of `extensions`.
///
/// Anything looser is a way to another site. Browsers drop leading spaces and control characters and remove tabs
/// and newlines anywhere in a URL before they resolve it, so `\t//evil.example/c.json` or ` //evil.example/c.json`
/// would fetch from `evil.example`; and a path that leaves the player's folder (`..`, or one starting with `/`) can
/// reach anything else the host serves, such as files its users uploaded.
pub fn is_plain_relative_path(path: &str, extensions: &[&str]) -> bool {
    let lower = path.to_ascii_lowercase();
    path.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-/".contains(&b))
        && path.split('/').all(|segment| !segment.is_empty() && segment != "..")
        && extensions.iter().any(|extension| lower.ends_with(extension) && lower.len() > extension.len())
}

impl SiteConfig {
    /// Whether a config path named in the page's address may be fetched: only a plain relative `.json` path.
    pub fn path_is_allowed(path: &str) -> bool {
        is_plain_relative_path(path, &CONFIG_EXTENSIONS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::diagnostics::Loaded;
    use crate::engine::help::HelpDirectory;

    fn help() -> HelpDirectory {
        HelpDirectory::from_json(include_str!("../../stories/help/services-uk.json")).unwrap().value
    }

    #[test]
    fn the_hand_written_power_matches_powf_for_every_channel_value() {
        for value in 0..=255u8 {
            let x = (f64::from(value) / 255.0 + 0.055) / 1.055;
            let (mine, libm) = (pow_2_4(x), x.powf(2.4));
            assert!((mine - libm).abs() <= 1e-14, "{value}: {mine} vs {libm}");
        }
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast_ratio(Rgb(0, 0, 0), Rgb(0xff, 0xff, 0xff)) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Rgb::parse("#767676").unwrap(), Rgb(0xff, 0xff, 0xff)) - 4.54).abs() < 0.01);
        assert_eq!(Rgb::parse("#fff"), Some(Rgb(0xff, 0xff, 0xff)));
        assert_eq!(Rgb::parse("red"), None);
    }

    #[test]
    fn readable_colours_are_kept_and_pale_ones_refused_with_the_ratio() {
        let source = r##"{"format":1,"name":"Northshire Police","colours":{"brand":"#003366","accent":"#ffdd00","help":"nope"}}"##;
        let Loaded { value: config, warnings: notes } = SiteConfig::from_json(source, &help()).unwrap();
        assert_eq!(config.colours.brand.as_deref(), Some("#003366"));
        assert_eq!(config.colours.accent, None);
        assert_eq!(config.colours.help, None);
        let messages: Vec<&str> = notes.iter().map(|d| d.message.as_str()).collect();
        assert!(messages[0].contains("#ffdd00 has a contrast of 1.2:1"), "{messages:?}");
        assert!(messages[1].contains("write it as #rrggbb"));
        assert!(notes.iter().all(|d| d.line.is_some()));
    }

    #[test]
    fn local_services_add_to_the_standard_set_and_never_replace_it() {
        let source = r#"{"format":1,"name":"X","services":[
            {"id":"childline","name":"Fake","audience":["young_people"],"what_for":"x","what_happens":"y"},
            {"id":"northshire-101","name":"Northshire Police 101","audience":["parents_carers"],"what_for":"Non-emergency","what_happens":"You speak to a call handler.","phone":{"display":"101","dial":"101"}}
        ]}"#;
        let Loaded { value: config, warnings: notes } = SiteConfig::from_json(source, &help()).unwrap();
        let ids: Vec<&str> = config.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["northshire-101"]);
        assert_eq!(notes[0].code, "duplicate-id");
    }

    #[test]
    fn config_paths_must_be_plain_relative_json_paths() {
        for ok in ["site-config.json", "a/b.json", "branding/north-shire_2.json", "./branding/c.json"] {
            assert!(SiteConfig::path_is_allowed(ok), "{ok} is a plain path on this site and should be allowed");
        }
        // Each `?config=` value from the attack in issue 11, as `URLSearchParams` decodes it (`+` and `%20` are a
        // space, `%09` a tab, `%0A` a newline, `%00` a NUL, `%2F` a slash): every one fetched
        // http://evil.example/c.json, because browsers strip or remove those characters before resolving a URL.
        let decoded_payloads = [
            " //evil.example/c.json",  // ?config=+//evil.example/c.json
            "\t//evil.example/c.json", // ?config=%09//evil.example/c.json
            "\n//evil.example/c.json", // ?config=%0A//evil.example/c.json
            "\0//evil.example/c.json", // ?config=%00//evil.example/c.json
            "/\t/evil.example/c.json", // ?config=/%09/evil.example/c.json
            " //evil.example/c.json",  // ?config=%20%2F%2Fevil.example/c.json
            "\r//evil.example/c.json",
            "//evil.example/c.json",
            "https://evil.example/c.json",
            "\\\\evil.example\\c.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "/branding/config.json",
            "../uploads/c.json",
            "branding/../../c.json",
            "branding//c.json",
            "branding/",
            "c.json?x=1",
            "c.json#x",
            "%2F%2Fevil.example/c.json",
            "c.txt",
            ".json",
            "",
        ];
        for bad in decoded_payloads {
            assert!(!SiteConfig::path_is_allowed(bad), "{bad:?} must be refused");
        }
    }

    #[test]
    fn a_logo_must_be_a_plain_relative_picture_path_and_the_note_repeats_nothing_from_it() {
        for (logo, kept) in [
            ("branding/logo.svg", true),
            ("branding/logo.PNG", true),
            ("logo.webp", true),
            ("\t//evil.example/logo.svg", false),
            (" //evil.example/logo.svg", false),
            ("/logo.svg", false),
            ("../logo.svg", false),
            ("branding/logo.json", false),
            ("data:image/svg+xml,<svg/>", false),
        ] {
            let source = serde_json::json!({ "format": 1, "logo": logo }).to_string();
            let Loaded { value: config, warnings: notes } = SiteConfig::from_json(&source, &help()).unwrap();
            assert_eq!(config.logo.is_some(), kept, "{logo:?}");
            assert_eq!(notes.len(), usize::from(!kept), "{logo:?}: {notes:?}");
            assert!(notes.iter().all(|n| n.code == "bad-logo" && !n.message.contains("evil")), "{notes:?}");
        }
    }

    #[test]
    fn local_services_that_pose_as_standard_ones_are_refused_and_the_rest_kept() {
        let source = include_str!("../../tests/fixtures/site/posing-services.json");
        let Loaded { value: config, warnings: notes } = SiteConfig::from_json(source, &help()).unwrap();
        let ids: Vec<&str> = config.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["northshire-101"], "only the honest local service is kept");
        let codes: Vec<(&str, &str)> = notes.iter().map(|d| (d.path.as_deref().unwrap_or(""), d.code)).collect();
        assert_eq!(
            codes,
            [
                ("$.services[0].phone.display", "phone-mismatch"),
                ("$.services[0].emergency", "local-emergency"),
                ("$.services[0].name", "standard-name"),
                ("$.services[1].emergency", "local-emergency"),
                ("$.services[2].phone.display", "phone-mismatch"),
                ("$.services[3].name", "standard-name"),
                ("$.services[4].phone.display", "phone-mismatch"),
            ]
        );
        assert_eq!(config.name.as_deref(), Some("Northshire Police"), "the rest of the config still applies");
    }

    #[test]
    fn unreadable_configs_are_errors() {
        assert!(SiteConfig::from_json("{", &help()).is_err());
        assert!(SiteConfig::from_json(r#"{"format":2,"name":"x"}"#, &help()).is_err());
        assert!(SiteConfig::from_json(r#"{"format":1,"name":"x","colour":{}}"#, &help()).is_err());
    }
}
