//! The one thing GEXF and GraphML writing needs: escaping text for XML (and HTML, which the
//! Linked Data pages share it for).

/// `text` with the five XML special characters escaped, and characters XML 1.0 forbids
/// (control characters other than tab, newline and carriage return) dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}
