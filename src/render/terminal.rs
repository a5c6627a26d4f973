//! Text bound for a terminal: control characters (ESC, OSC, BEL, ...) are shown escaped, so
//! that data cannot move the cursor, rewrite the screen or set a window title.

use std::borrow::Cow;

/// `text` with every control character other than newline and tab written as `\u{..}`.
///
/// ```
/// use cybercrime_taxonomy::render::terminal::escape;
/// assert_eq!(escape("a\u{1b}]0;pwned\u{7}b\n"), "a\\u{1b}]0;pwned\\u{7}b\n");
/// assert_eq!(escape("plain"), "plain");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
