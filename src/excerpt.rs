//! Error messages that never echo a large request back: anything longer than
//! [`MAX_MESSAGE_CHARS`] is cut to an excerpt.

/// Longest error message sent to a client, in characters.
pub const MAX_MESSAGE_CHARS: usize = 500;

/// `message`, cut to [`MAX_MESSAGE_CHARS`] characters with an ellipsis and the full length
/// when it is longer.
pub fn excerpt(message: &str) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!(
            "{}… ({} characters in all)",
            &message[..cut],
            message.chars().count()
        ),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_messages_are_kept_and_long_ones_cut() {
        assert_eq!(excerpt("no such id"), "no such id");
        let long = "科".repeat(MAX_MESSAGE_CHARS + 10);
        let cut = excerpt(&long);
        assert!(cut.starts_with(&"科".repeat(MAX_MESSAGE_CHARS)));
        assert!(cut.ends_with(&format!("({} characters in all)", MAX_MESSAGE_CHARS + 10)));
    }
}
