//! The tiny safe subset of emphasis story text may use: `*words*` are emphasised, blank lines start paragraphs.
//! Text is never HTML; the view turns these spans into elements itself.

/// A run of text, emphasised or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub emphasis: bool,
}

/// Splits text into paragraphs at blank lines.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect()
}

/// Splits a paragraph into plain and emphasised spans. An unpaired `*` is kept as a literal star.
pub fn spans(paragraph: &str) -> Vec<Span> {
    let parts: Vec<&str> = paragraph.split('*').collect();
    let paired = parts.len() % 2 == 1;
    let mut out: Vec<Span> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let last_unpaired = !paired && i == parts.len() - 1;
        let emphasis = i % 2 == 1 && !last_unpaired;
        let text = if last_unpaired { format!("*{part}") } else { (*part).to_owned() };
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if prev.emphasis == emphasis => prev.text.push_str(&text),
            _ => out.push(Span { text, emphasis }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> String {
        spans(text).into_iter().map(|s| if s.emphasis { format!("<{}>", s.text) } else { s.text }).collect()
    }

    #[test]
    fn stars_mark_emphasis() {
        assert_eq!(render("It is *never* too late."), "It is <never> too late.");
    }

    #[test]
    fn an_unpaired_star_stays_a_star() {
        assert_eq!(render("*a* and b*"), "<a> and b*");
        assert_eq!(render("one * star"), "one * star");
    }

    #[test]
    fn blank_lines_split_paragraphs() {
        assert_eq!(paragraphs("a\n\n\n\nb\n"), vec!["a", "b"]);
    }
}
