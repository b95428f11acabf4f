//! A volume as a visitor types it: a whole number, grouped the way their language groups
//! thousands. Anything else is a typed error the page can explain.

/// Why a typed quantity is not a volume.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityError {
    /// Nothing was typed.
    Empty,
    /// A minus sign: volumes start at zero.
    Negative,
    /// A decimal separator, or thousands grouped wrongly (`1.5` in Indonesian).
    NotWhole,
    /// Digits run together past a group of three (`3,500000`): a slip while typing, not a
    /// decimal. The number the digits make, to offer it.
    Grouping { suggestion: u64 },
    /// Letters or other signs.
    NotANumber,
    /// More than the tariff allows for the unit.
    TooLarge { max: u64 },
}

/// Reads a whole number from 0 to `max`. Spaces are allowed between digits, and so are thousands
/// separators, either of them in either language (`12.000` and `12,000` on both pages): volumes
/// are whole numbers, so digits grouped by threes are unambiguous. Anything else with a separator
/// (`1,5`, `12.00`, `1.234,5`) is a decimal or a slip, refused rather than guessed at.
///
/// # Errors
/// [`QuantityError`] saying what is wrong with the text.
pub fn parse(text: &str, max: u64) -> Result<u64, QuantityError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    let unsigned = match compact.strip_prefix(['-', '\u{2212}']) {
        Some(_) => return Err(QuantityError::Negative),
        None => compact.strip_prefix('+').unwrap_or(&compact),
    };
    if unsigned.is_empty() {
        return Err(QuantityError::Empty);
    }
    if unsigned
        .chars()
        .any(|c| !c.is_ascii_digit() && c != '.' && c != ',')
    {
        return Err(QuantityError::NotANumber);
    }
    let separators = (unsigned.contains('.'), unsigned.contains(','));
    let grouped_by = match separators {
        (false, false) => None,
        (true, false) => Some('.'),
        (false, true) => Some(','),
        // Both: a decimal with its thousands grouped (1.234,5).
        (true, true) => return Err(QuantityError::NotWhole),
    };
    if let Some(group) = grouped_by {
        let mut groups = unsigned.split(group);
        let first = groups.next().unwrap_or_default();
        let rest: Vec<&str> = groups.collect();
        if !(1..=3).contains(&first.len()) || rest.iter().any(|g| g.len() != 3) {
            // A group shorter than three reads as decimals (1,5 or 30,00); only digits run
            // together (3,500000 or 3500,000) are a grouping slip whose number can be offered.
            if first.is_empty() || rest.iter().any(|g| g.len() < 3) {
                return Err(QuantityError::NotWhole);
            }
            let digits: String = unsigned.chars().filter(char::is_ascii_digit).collect();
            return match digits.parse::<u64>() {
                Ok(suggestion) if suggestion <= max => Err(QuantityError::Grouping { suggestion }),
                _ => Err(QuantityError::TooLarge { max }),
            };
        }
    }
    let digits: String = unsigned.chars().filter(char::is_ascii_digit).collect();
    let too_large = QuantityError::TooLarge { max };
    let value: u64 = digits.parse().map_err(|_| too_large)?;
    if value > max {
        return Err(too_large);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn reads_what_visitors_type() {
        use QuantityError::*;
        let max = 50_000_000;
        for &(text, lang, expected) in &[
            ("12000", Lang::Id, Ok(12_000)),
            ("12.000", Lang::Id, Ok(12_000)),
            (" 1.234.567 ", Lang::Id, Ok(1_234_567)),
            ("12,000", Lang::En, Ok(12_000)),
            ("12 000", Lang::En, Ok(12_000)),
            ("0", Lang::En, Ok(0)),
            ("+5", Lang::En, Ok(5)),
            ("50.000.000", Lang::Id, Ok(50_000_000)),
            ("", Lang::Id, Err(Empty)),
            ("   ", Lang::En, Err(Empty)),
            ("-5", Lang::En, Err(Negative)),
            ("\u{2212}5", Lang::Id, Err(Negative)),
            // Grouped by threes with either separator, on either page: "30,000" typed on the
            // Indonesian page is thirty thousand, never thirty.
            ("30,000", Lang::Id, Ok(30_000)),
            ("30.000", Lang::En, Ok(30_000)),
            ("1,234,567", Lang::Id, Ok(1_234_567)),
            ("1,5", Lang::Id, Err(NotWhole)),
            ("1.5", Lang::En, Err(NotWhole)),
            ("1.5", Lang::Id, Err(NotWhole)),
            ("12.00.0", Lang::Id, Err(NotWhole)),
            ("30,00", Lang::Id, Err(NotWhole)),
            ("30,", Lang::En, Err(NotWhole)),
            ("1.234,5", Lang::Id, Err(NotWhole)),
            ("1,234.5", Lang::En, Err(NotWhole)),
            // Digits run together while typing: the number they make is offered.
            (
                "3,500000",
                Lang::En,
                Err(Grouping {
                    suggestion: 3_500_000,
                }),
            ),
            (
                "3500,000",
                Lang::Id,
                Err(Grouping {
                    suggestion: 3_500_000,
                }),
            ),
            (
                "12.0000",
                Lang::Id,
                Err(Grouping {
                    suggestion: 120_000,
                }),
            ),
            (
                "1,2345,678",
                Lang::En,
                Err(Grouping {
                    suggestion: 12_345_678,
                }),
            ),
            ("1,234,56", Lang::En, Err(NotWhole)),
            (",500", Lang::En, Err(NotWhole)),
            ("9,9999999999", Lang::En, Err(TooLarge { max })),
            ("abc", Lang::En, Err(NotANumber)),
            ("12a", Lang::Id, Err(NotANumber)),
            ("1e6", Lang::En, Err(NotANumber)),
            ("50.000.001", Lang::Id, Err(TooLarge { max })),
            ("99999999999999999999999", Lang::En, Err(TooLarge { max })),
        ] {
            assert_eq!(parse(text, max), expected, "{text:?} on the {lang:?} page");
        }
    }
}
