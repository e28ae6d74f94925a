//! A small writer of hand-formatted Turtle, for the documents people read as text (the
//! vocabulary and the shapes): one block per term, in a fixed order, with comments. Dumps of
//! the data go through oxigraph's serialisers instead.

use std::fmt::Write;

/// Builds a Turtle document as text.
#[derive(Debug, Default)]
pub(crate) struct TurtleText {
    out: String,
}

/// One predicate of a block with its objects, all already written as Turtle terms.
pub(crate) type Pair = (String, Vec<String>);

impl TurtleText {
    /// Writes the `@prefix` lines.
    pub fn prefixes<S: AsRef<str>>(&mut self, prefixes: &[(&str, S)]) {
        for (prefix, namespace) in prefixes {
            // Writing to a String cannot fail.
            let _ = writeln!(self.out, "@prefix {prefix}: <{}> .", namespace.as_ref());
        }
        self.out.push('\n');
    }

    /// Writes a comment line (or lines) followed by a blank line.
    pub fn comment(&mut self, text: &str) {
        for line in text.lines() {
            let _ = writeln!(self.out, "# {line}");
        }
        self.out.push('\n');
    }

    /// Writes Turtle written elsewhere (hand-formatted statements and their comments),
    /// followed by a blank line.
    pub fn text(&mut self, turtle: &str) {
        self.out.push_str(turtle.trim_end());
        self.out.push_str("\n\n");
    }

    /// Writes `subject p1 o1, o2 ; p2 o3 .` with one predicate per line.
    pub fn block(&mut self, subject: &str, pairs: &[Pair]) {
        let pairs: Vec<&Pair> = pairs
            .iter()
            .filter(|(_, objects)| !objects.is_empty())
            .collect();
        if pairs.is_empty() {
            return;
        }
        self.out.push_str(subject);
        for (index, (predicate, objects)) in pairs.iter().enumerate() {
            let end = if index + 1 == pairs.len() { " ." } else { " ;" };
            let _ = write!(self.out, "\n    {predicate} {}{end}", objects.join(", "));
        }
        self.out.push_str("\n\n");
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}

/// A predicate-objects pair.
pub(crate) fn pair(predicate: &str, objects: Vec<String>) -> Pair {
    (predicate.to_owned(), objects)
}

/// A string literal with a language tag.
pub(crate) fn lang(text: &str, tag: &str) -> String {
    format!("{}@{tag}", quoted(text))
}

/// A plain string literal.
pub(crate) fn string(text: &str) -> String {
    quoted(text)
}

/// An IRI in angle brackets.
pub(crate) fn iri(iri: &str) -> String {
    format!("<{iri}>")
}

/// A prefixed name, or the full IRI when `local` cannot be written as a local name.
pub(crate) fn prefixed(prefix: &str, namespace: &str, local: &str) -> String {
    let simple = local
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if simple {
        format!("{prefix}:{local}")
    } else {
        iri(&format!("{namespace}{local}"))
    }
}

/// A blank node with its properties, `[ p o ; … ]`, indented as an object of a block.
pub(crate) fn blank(pairs: &[Pair]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .filter(|(_, objects)| !objects.is_empty())
        .map(|(predicate, objects)| format!("{predicate} {}", objects.join(", ")))
        .collect();
    format!("[ {} ]", body.join(" ; "))
}

/// An RDF list, `( a b c )`.
pub(crate) fn list(items: &[String]) -> String {
    format!("( {} )", items.join(" "))
}

fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_escaped_and_blocks_parse() {
        let mut doc = TurtleText::default();
        doc.prefixes(&[("ex", "http://example.org/")]);
        doc.block(
            "ex:a",
            &[
                pair("ex:p", vec![lang("say \"hi\"\\\n", "en"), string("x")]),
                pair(
                    "ex:q",
                    vec![blank(&[pair(
                        "ex:r",
                        vec![list(&[iri("http://example.org/b")])],
                    )])],
                ),
                pair("ex:empty", vec![]),
            ],
        );
        let text = doc.finish();
        let quads = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(text.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .expect("valid Turtle");
        assert!(
            quads
                .iter()
                .any(|q| q.object.to_string() == "\"say \\\"hi\\\"\\\\\\n\"@en")
        );
        assert_eq!(
            prefixed("ex", "http://example.org/", "9x"),
            "<http://example.org/9x>"
        );
    }
}
