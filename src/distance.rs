//! Edit distance between short strings, for "did you mean" hints.

/// Edit distance counting an adjacent transposition as one edit (optimal string alignment),
/// for "did you mean" hints on short ids and names.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, cell) in d.iter_mut().step_by(width).enumerate() {
        *cell = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("un2024:art7", "un2024:art7"), 0);
        assert_eq!(edit_distance("un2024:art7", "un2024:atr7"), 1);
        assert_eq!(edit_distance("un2024:art7", "un2024:art77"), 1);
        assert_eq!(edit_distance("vietnma", "vietnam"), 1);
        assert_eq!(edit_distance("", "sg"), 2);
    }
}
