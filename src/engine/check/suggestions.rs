//! "Did you mean" hints for names that do not exist: scene ids, flags and help services.

/// Character comparisons one kind of name (scene ids, flags, help services) may spend on suggestions in one load.
/// A real story spends a few thousand; a generated file with thousands of broken links would otherwise compare
/// every one with every scene. Past it, problems are still reported, only without the hint.
const SUGGESTION_BUDGET: usize = 1_000_000;
/// Names longer than this get no suggestion: ids are at most 64 characters.
const LONGEST_SUGGESTED: usize = 100;

/// " (did you mean `x`?)" when a name is a near miss for one that exists. Optimal string alignment counts a swap of
/// two neighbouring letters as one typo, like Damerau–Levenshtein, without its hash map (which the browser's wasm
/// would carry). The distance is at least the difference in length, so only names of a similar length are
/// compared, and every look-up for one kind of name shares [`SUGGESTION_BUDGET`].
pub(crate) struct Suggestions<'a> {
    /// Known names with their length in characters.
    known: Vec<(usize, &'a str)>,
    budget: usize,
}

impl<'a> Suggestions<'a> {
    pub(crate) fn new(known: impl Iterator<Item = &'a str>) -> Suggestions<'a> {
        Suggestions { known: known.map(|k| (k.chars().count(), k)).collect(), budget: SUGGESTION_BUDGET }
    }

    pub(crate) fn hint(&mut self, wanted: &str) -> String {
        let length = wanted.chars().count();
        if length > LONGEST_SUGGESTED {
            return String::new();
        }
        let most = 3.max(wanted.len() / 3);
        let mut best: Option<(usize, &str)> = None;
        for &(k_length, k) in &self.known {
            // Looking at a name costs one, comparing it as many as the cells of the comparison's table.
            let similar = k_length.abs_diff(length) <= most;
            let cost = if similar { (k_length + 1) * (length + 1) } else { 1 };
            if cost > self.budget {
                self.budget = 0;
                return String::new();
            }
            self.budget -= cost;
            if !similar {
                continue;
            }
            let distance = strsim::osa_distance(wanted, k);
            if distance <= most && distance < k_length.max(length) && best.is_none_or(|b| (distance, k) < b) {
                best = Some((distance, k));
            }
        }
        best.map(|(_, k)| format!("; did you mean `{k}`?")).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_near_misses() {
        let mut scenes = Suggestions::new(["ignored", "told", "later"].into_iter());
        assert_eq!(scenes.hint("ignord"), "; did you mean `ignored`?");
        assert_eq!(scenes.hint("tlod"), "; did you mean `told`?", "a swap of neighbours is one typo");
        assert_eq!(scenes.hint("somewhere-else"), "");
    }

    #[test]
    fn suggestions_compare_only_names_of_a_similar_length() {
        let known: Vec<String> = (0..4_000).map(|i| format!("scene-{i:04}")).collect();
        let mut scenes = Suggestions::new(known.iter().map(String::as_str));
        assert_eq!(scenes.hint("a-much-longer-id-than-any-scene-has"), "");
        assert_eq!(scenes.hint("x"), "");
        assert_eq!(SUGGESTION_BUDGET - scenes.budget, 8_000, "each id was looked at and none compared");
        assert_eq!(scenes.hint(&"x".repeat(10_000)), "", "a name longer than any id is not compared at all");
        assert_eq!(SUGGESTION_BUDGET - scenes.budget, 8_000);
    }

    #[test]
    fn thousands_of_unknown_names_spend_a_bounded_amount_of_work() {
        // Before, every unknown id was compared with every scene id: 4,000 of each took 23 seconds.
        let known: Vec<String> = (0..4_000).map(|i| format!("s{i}")).collect();
        let mut scenes = Suggestions::new(known.iter().map(String::as_str));
        assert_eq!(scenes.hint("t12"), "; did you mean `s12`?", "the first ones still get their hint");
        let hinted = (0..4_000).filter(|i| !scenes.hint(&format!("t{i}")).is_empty()).count();
        assert_eq!(scenes.budget, 0, "the budget ran out");
        assert!((10..4_000).contains(&hinted), "{hinted} hints, then none once the budget ran out");
        assert_eq!(scenes.hint("t1"), "", "no more work once it has run out");
    }
}
