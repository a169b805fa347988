//! Every word of "Reading settings" and "Read to me" (issue #17), in one place, so that they move into the message
//! files with the rest of the player's words. Nothing here is worded anywhere else.

/// One choice the reader makes in the reading settings: a group of options, each an html class (see
/// `reading_settings.rs`).
pub struct SettingWords {
    /// The group's name, as its `<legend>` says it.
    pub legend: &'static str,
    /// The options' names, the standard one first.
    pub options: &'static [&'static str],
}

pub struct ReadingWords {
    /// The top bar's button, and the panel's heading.
    pub settings: &'static str,
    /// The top bar's button on a narrow screen, where only this shows (screen readers still hear `settings`).
    pub settings_short: &'static str,
    /// What the panel says before its options.
    pub settings_note: &'static str,
    pub text_size: SettingWords,
    pub line_spacing: SettingWords,
    pub letter_spacing: SettingWords,
    pub background: SettingWords,
    /// The button that closes the panel.
    pub close: &'static str,
    /// The scene's button that starts reading the scene aloud.
    pub read_to_me: &'static str,
    /// The same button while it reads.
    pub pause: &'static str,
    /// The same button once paused.
    pub resume: &'static str,
    /// The button that stops reading.
    pub stop: &'static str,
    /// The scene's button when this device has no voice of its own for the story's language. Voices from the
    /// internet are never used: they send the story's words to someone else's computer.
    pub no_voice: &'static str,
    /// The name of the group of reading buttons, for screen readers.
    pub read_aloud_label: &'static str,
}

pub const WORDS: ReadingWords = ReadingWords {
    settings: "Reading settings",
    settings_short: "Aa",
    settings_note: "Change how the words look. This stays only in this browser tab, and Exit this page forgets it.",
    text_size: SettingWords { legend: "Text size", options: &["Standard", "Large", "Larger", "Largest"] },
    line_spacing: SettingWords { legend: "Space between lines", options: &["Standard", "Wide", "Wider"] },
    letter_spacing: SettingWords { legend: "Space between letters", options: &["Standard", "Wide", "Wider"] },
    background: SettingWords { legend: "Background colour", options: &["White", "Cream", "Pale blue"] },
    close: "Close",
    read_to_me: "Read to me",
    pause: "Pause reading",
    resume: "Carry on reading",
    stop: "Stop reading",
    no_voice: "Read to me: no voice for this language on this device",
    read_aloud_label: "Read aloud",
};
