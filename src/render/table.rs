//! Tables laid out so that their columns line up in a terminal: every column is as wide as its
//! widest cell, for the plain-text listings and for Markdown tables alike.
//!
//! Widths are counted in characters (Unicode scalar values), never in bytes, so accented and
//! non-Latin letters (`Lèse-majesté`, `Bộ luật Hình sự`) take one column each. No Unicode width
//! tables are used: a combining mark (as in Thai or Khmer script) is counted as a column of its
//! own and an East Asian wide character as one, so such text can still shift the columns after
//! it.

/// How a column's cells sit in its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Padded on the right (Markdown `---`).
    Left,
    /// Padded on the left (Markdown `--:`).
    Right,
    /// Padded on both sides (Markdown `:-:`).
    Center,
}

/// The width of `text` in columns: its number of characters.
pub(crate) fn width(text: &str) -> usize {
    text.chars().count()
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize, align: Align) -> String {
    let room = width.saturating_sub(self::width(text));
    let (left, right) = match align {
        Align::Left => (0, room),
        Align::Right => (room, 0),
        Align::Center => (room / 2, room - room / 2),
    };
    format!("{}{text}{}", " ".repeat(left), " ".repeat(right))
}

/// Rows of cells with a column alignment each.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with one column per alignment.
    pub(crate) fn new(align: &[Align]) -> Self {
        Self {
            align: align.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are empty and cells beyond the columns are dropped.
    pub(crate) fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut row: Vec<String> = cells
            .into_iter()
            .take(self.align.len())
            .map(Into::into)
            .collect();
        row.resize(self.align.len(), String::new());
        self.rows.push(row);
    }

    /// Each column's width: its widest cell, at least `min`.
    fn widths(&self, min: usize) -> Vec<usize> {
        (0..self.align.len())
            .map(|i| {
                self.rows
                    .iter()
                    .map(|r| width(&r[i]))
                    .max()
                    .unwrap_or(0)
                    .max(min)
            })
            .collect()
    }

    /// Plain text: each line `indent`, then the cells separated by `gap`, with no trailing
    /// spaces.
    pub(crate) fn text(&self, indent: &str, gap: &str) -> String {
        let widths = self.widths(0);
        let mut out = String::new();
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .zip(&self.align)
                .map(|((c, w), a)| pad(c, *w, *a))
                .collect();
            out.push_str(indent);
            out.push_str(cells.join(gap).trim_end());
            out.push('\n');
        }
        out
    }

    /// A Markdown table: the first row is the header, then the alignment row, then the others.
    /// Cells must already be escaped for Markdown. Every `|` between cells is at the same
    /// column on every line.
    pub(crate) fn markdown(&self) -> String {
        let widths = self.widths(1);
        let line = |row: &[String]| {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .zip(&self.align)
                .map(|((c, w), a)| pad(c, *w, *a))
                .collect();
            format!("| {} |\n", cells.join(" | "))
        };
        let mut out = String::new();
        let mut rows = self.rows.iter();
        if let Some(header) = rows.next() {
            out.push_str(&line(header));
        }
        out.push('|');
        for (w, a) in widths.iter().zip(&self.align) {
            // A cell and its two spaces.
            let rule = match a {
                Align::Left => "-".repeat(w + 2),
                Align::Right => format!("{}:", "-".repeat(w + 1)),
                Align::Center => format!(":{}:", "-".repeat(*w)),
            };
            out.push_str(&rule);
            out.push('|');
        }
        out.push('\n');
        for row in rows {
            out.push_str(&line(row));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Align, Table};

    #[test]
    fn columns_are_as_wide_as_their_widest_cell_in_characters() {
        let mut t = Table::new(&[Align::Left, Align::Right, Align::Center, Align::Left]);
        t.row(["State", "Need", "Art 7", "Note"]);
        t.row(["VN Viet Nam", "3", "●", "Lèse-majesté"]);
        t.row(["TH", "12", "◐*", ""]);
        assert_eq!(
            t.markdown(),
            "\
| State       | Need | Art 7 | Note         |
|-------------|-----:|:-----:|--------------|
| VN Viet Nam |    3 |   ●   | Lèse-majesté |
| TH          |   12 |  ◐*   |              |
"
        );
        assert_eq!(
            t.text("  ", " "),
            "  State       Need Art 7 Note
  VN Viet Nam    3   ●   Lèse-majesté
  TH            12  ◐*
"
        );
    }
}
