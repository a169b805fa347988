//! `Deserialize` for the file formats' structs, read from JSON objects only.
//!
//! serde's derive gives every struct two readers: one for a JSON object and one for a JSON array of its fields in
//! order (`["story", "Title", ...]`). No story, help or site file is written that way (the JSON Schemas say object),
//! but serde_json instantiates the array reader for every struct all the same, and in the player's wasm that was
//! 3.1 KB brotli of code nobody runs. [`json_object!`] writes the object reader alone, with serde's own error
//! messages (`unknown field`, `missing field`, `duplicate field`, `invalid type: ..., expected struct Name`), so
//! storycheck and the player report exactly what they reported before. A struct given as an array is now refused,
//! as the schema always said. The structs keep `#[serde(...)]` attributes for their `Serialize` and `JsonSchema`
//! derives, which a test compares with the published schema; the macro's field list must name the same keys in the
//! same order, which the engine tests' round trips and the unknown-field messages check.

use serde::de::{DeserializeSeed, Deserializer, Error, Visitor};

/// Reads an object's key and returns the one of `self.0` it names; any other key is serde's `unknown field` error
/// listing them all, as `deny_unknown_fields` gives.
///
/// `Key(fields, true)` reads any other key as `""` instead, for a struct that ignores keys it does not know.
pub(crate) struct Key(pub(crate) &'static [&'static str], pub(crate) bool);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = &'static str;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<&'static str, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key {
    type Value = &'static str;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: Error>(self, key: &str) -> Result<&'static str, E> {
        match self.0.iter().find(|known| **known == key) {
            Some(known) => Ok(known),
            None if self.1 => Ok(""),
            None => Err(E::unknown_field(key, self.0)),
        }
    }
}

/// `json_object! { Name { field: "key" mode, ... } }` implements `Deserialize` for `Name` from a JSON object with
/// exactly those keys, in the struct's order. `mode` is `required` (missing is an error), `default` (missing is
/// `Default::default()`), `flags` (like `default`, read by `format::FlagValues`, which refuses a flag named twice)
/// or `player_skips` (like `default`; the player's wasm skips the value unread).
macro_rules! json_object {
    ($name:ident { $( $field:ident : $key:literal $mode:ident ),* $(,)? }) => {
        json_object!(@impl $name false { $( $field : $key $mode ),* });
    };
    // A struct without `deny_unknown_fields`: other keys are read past.
    ($name:ident, others ignored { $( $field:ident : $key:literal $mode:ident ),* $(,)? }) => {
        json_object!(@impl $name true { $( $field : $key $mode ),* });
    };
    (@impl $name:ident $ignore:literal { $( $field:ident : $key:literal $mode:ident ),* }) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Object;

                impl<'de> serde::de::Visitor<'de> for Object {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($name)))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        const FIELDS: &[&str] = &[$($key),*];
                        $( let mut $field = None; )*
                        while let Some(key) = map.next_key_seed($crate::engine::json_object::Key(FIELDS, $ignore))? {
                            $(
                                if key == $key {
                                    if $field.is_some() {
                                        return Err(serde::de::Error::duplicate_field($key));
                                    }
                                    $field = Some(json_object!(@read $mode map));
                                    continue;
                                }
                            )*
                            // Only a struct that ignores other keys gets here (with the key `""`).
                            if $ignore {
                                map.next_value::<serde::de::IgnoredAny>()?;
                            }
                        }
                        Ok($name { $( $field: json_object!(@finish $mode $field $key), )* })
                    }
                }

                deserializer.deserialize_map(Object)
            }
        }
    };
    (@read flags $map:ident) => { $map.next_value::<$crate::engine::format::FlagValues>()?.0 };
    // The player reads past the value without parsing it into anything; storycheck reads it.
    (@read player_skips $map:ident) => {{
        #[cfg(target_arch = "wasm32")]
        let value = $map.next_value::<serde::de::IgnoredAny>().map(|_| Default::default())?;
        #[cfg(not(target_arch = "wasm32"))]
        let value = $map.next_value()?;
        value
    }};
    (@read $mode:ident $map:ident) => { $map.next_value()? };
    (@finish required $field:ident $key:literal) => { $field.ok_or_else(|| serde::de::Error::missing_field($key))? };
    (@finish $mode:ident $field:ident $key:literal) => { $field.unwrap_or_default() };
}

pub(crate) use json_object;

/// `json_names! { Name { Variant: "name", ... } }` implements `Deserialize` for an enum of unit variants from a JSON
/// string only, with serde's `unknown variant` message. serde's derive also accepts `{"name": null}` for each and
/// carries the code for it; no file writes that, and the schemas say string. It also gives the enum `ALL`, every
/// variant in file order, and `name`, the name files use, so the list of names is written once.
macro_rules! json_names {
    ($name:ident { $( $variant:ident : $key:literal ),* $(,)? }) => {
        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant),*];

            /// The name files use for it, e.g. in a story or a help directory.
            pub fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $key, )*
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Name;

                impl serde::de::Visitor<'_> for Name {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("enum ", stringify!($name)))
                    }

                    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<$name, E> {
                        match name {
                            $( $key => Ok($name::$variant), )*
                            _ => Err(E::unknown_variant(name, &[$($key),*])),
                        }
                    }
                }

                deserializer.deserialize_str(Name)
            }
        }
    };
}

pub(crate) use json_names;

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    /// What serde's derive makes of the same struct, to compare messages with.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only its errors are compared")]
    struct Picture {
        image: String,
        alt: String,
    }

    #[test]
    fn errors_read_as_serde_derive_writes_them_with_the_same_position() {
        for json in [
            r#"{"image": "assets/a.svg", "alt": "A park", "colour": "red"}"#,
            r#"{"image": "assets/a.svg"}"#,
            r#"{"image": "assets/a.svg", "alt": "A park", "image": "assets/b.svg"}"#,
            r#"{"image": 7, "alt": "A park"}"#,
            "\"a picture\"",
            "null",
            r#"{"image": "assets/a.svg", "alt": "A park""#,
        ] {
            let ours = serde_json::from_str::<crate::engine::format::Picture>(json).unwrap_err().to_string();
            let derived = serde_json::from_str::<Picture>(json).unwrap_err().to_string();
            assert_eq!(ours, derived, "for {json}");
        }
    }

    /// serde's derive of the same enum.
    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum EndingKind {
        Positive,
        Mixed,
        Concerning,
    }

    #[test]
    fn names_read_as_serde_derive_reads_them() {
        for json in ["\"mixed\"", "\"good\""] {
            let ours = serde_json::from_str::<crate::engine::format::EndingKind>(json).map_err(|e| e.to_string());
            let derived = serde_json::from_str::<EndingKind>(json).map_err(|e| e.to_string());
            assert_eq!(format!("{ours:?}"), format!("{derived:?}"), "for {json}");
        }
        // For anything but a string serde_json's enum reader said only "expected value"; a string reader names
        // what was found and what was expected.
        for (json, found) in [("7", "integer `7`"), ("null", "null"), ("{\"mixed\": null}", "map")] {
            let ours = serde_json::from_str::<crate::engine::format::EndingKind>(json).unwrap_err().to_string();
            let wanted = format!("invalid type: {found}, expected enum EndingKind at line 1 column ");
            assert!(ours.starts_with(&wanted), "for {json}: {ours}");
        }
    }

    #[test]
    fn an_array_in_place_of_an_object_is_refused() {
        let json = r#"["assets/a.svg", "A park"]"#;
        assert!(serde_json::from_str::<Picture>(json).is_ok(), "serde's derive reads an array as the fields in order");
        let err = serde_json::from_str::<crate::engine::format::Picture>(json).unwrap_err();
        assert_eq!(err.to_string(), "invalid type: sequence, expected struct Picture at line 1 column 0");
    }

    #[test]
    fn flags_keep_refusing_a_name_given_twice_and_optional_fields_default() {
        let choice: crate::engine::format::Choice =
            serde_json::from_str(r#"{"label": "Go", "to": "next", "set": {"told": true}}"#).expect("a choice");
        assert_eq!((choice.set.len(), choice.when.len(), choice.sensitive), (1, 0, false));
        let err = serde_json::from_str::<crate::engine::format::Choice>(
            r#"{"label": "Go", "to": "n", "when": {"a": true, "a": true}}"#,
        );
        assert!(err.unwrap_err().to_string().starts_with("duplicate flag `a`"));
    }
}
