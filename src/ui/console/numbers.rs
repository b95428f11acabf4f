//! Quotation numbers as the console proposes them: the provider's prefix, the salesperson, the
//! month, a sequence kept on this device and the device's own tag, so that two devices of one
//! salesperson do not propose the same number (the odds: docs/signed-quotes.md).

use crate::calendar::Date;
use crate::link::QuoteField;
use crate::quote;

/// Where a salesperson's sequence for the month is kept on this device: `SD/2026-11`.
#[must_use]
pub fn sequence_name(staff: &str, today: Date) -> String {
    format!("{staff}/{:04}-{:02}", today.year(), today.month())
}

/// The letters of a device's tag: Crockford's base 32, without I, L, O and U, which read as 1,
/// 0 or a word. 32 letters, so a random byte's low five bits pick one without bias.
const TAG_LETTERS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The characters of a device's tag.
pub const TAG_LENGTH: usize = 3;

/// A device's tag from random bytes (one a letter): `K7Q`. Each device keeps its own sequence;
/// the tag, made once at random, keeps two devices of one salesperson from issuing the same
/// number without either asking the other (see docs/signed-quotes.md for the odds).
#[must_use]
pub fn device_tag(random: [u8; TAG_LENGTH]) -> String {
    random
        .iter()
        .map(|b| char::from(TAG_LETTERS[usize::from(b & 31)]))
        .collect()
}

/// Whether a stored text is a tag [`device_tag`] made: a damaged one is made again.
#[must_use]
pub fn is_device_tag(text: &str) -> bool {
    text.len() == TAG_LENGTH && text.bytes().all(|b| TAG_LETTERS.contains(&b))
}

/// The number `sequence` of this month on this device: `NLY/SD/2026/11/0007-K7Q`, the
/// Indonesian letter number with the device's tag after it. Where the provider's prefix and a
/// long staff id would make it longer than a link's reference may be (less the room its
/// revisions' `-R2` take), the prefix goes: the
/// staff id and the tag are what keep it apart from every other number, and a cut tag would not.
#[must_use]
pub fn numbered(prefix: &str, staff: &str, today: Date, device: &str, sequence: u32) -> String {
    let tail = format!(
        "{staff}/{:04}/{:02}/{sequence:04}-{device}",
        today.year(),
        today.month()
    );
    let whole = format!("{prefix}/{tail}");
    if whole.chars().count() + quote::REVISION_ROOM <= QuoteField::Reference.max() {
        whole
    } else {
        tail
    }
}

/// The number the console proposes: the one after the `last` issued this month on this device,
/// skipping any the register already holds (a sequence lost with the browser's storage while
/// the register was kept).
#[must_use]
pub fn proposed_number(
    prefix: &str,
    staff: &str,
    today: Date,
    device: &str,
    last: u32,
    taken: &[String],
) -> String {
    let mut sequence = last.saturating_add(1);
    loop {
        let number = numbered(prefix, staff, today, device, sequence);
        if sequence == u32::MAX || !is_taken(&number, taken) {
            return number;
        }
        sequence += 1;
    }
}

/// Whether `number` is one of the `taken` ones: as a reader compares numbers, spaces around and
/// letter case aside.
#[must_use]
pub fn is_taken(number: &str, taken: &[String]) -> bool {
    let number = number.trim();
    !number.is_empty() && taken.iter().any(|t| t.trim().eq_ignore_ascii_case(number))
}

/// The month's last sequence on this device once `issued` is: its sequence where it is a number
/// of this device's form and later than `last`, else `last` (a number typed in another shape, or
/// an earlier one, leaves it as it was).
#[must_use]
pub fn after_issuing(
    prefix: &str,
    staff: &str,
    today: Date,
    device: &str,
    last: u32,
    issued: &str,
) -> u32 {
    let suffix = format!("-{device}");
    let sequence = |form: String| {
        let stem = form.strip_suffix(&format!("0000{suffix}"))?.to_owned();
        let digits = issued.strip_prefix(&stem)?.strip_suffix(&suffix)?;
        (digits.len() >= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u32>().ok())
            .flatten()
    };
    let whole = format!(
        "{prefix}/{staff}/{:04}/{:02}/0000{suffix}",
        today.year(),
        today.month()
    );
    let short = numbered(prefix, staff, today, device, 0);
    sequence(whole)
        .or_else(|| sequence(short))
        .map_or(last, |n| n.max(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    #[test]
    fn numbers_follow_the_months_sequence_with_the_devices_tag() {
        let today = day("2026-11-28");
        assert_eq!(sequence_name("SD", today), "SD/2026-11");
        // 0x4B & 31 = 11 -> 'B'; 0x07 -> '7'; 0xFF & 31 = 31 -> 'Z'; 0x20 & 31 = 0 -> '0'.
        assert_eq!(device_tag([0x4B, 0x07, 0xFF]), "B7Z");
        assert_eq!(device_tag([0x20, 0x40, 0x60]), "000");
        assert!(is_device_tag("K7Q"));
        for bad in ["", "K7", "K7QQ", "I7Q", "k7q", "K-Q"] {
            assert!(!is_device_tag(bad), "{bad}");
        }
        assert_eq!(
            proposed_number("NLY", "SD", today, "K7Q", 6, &[]),
            "NLY/SD/2026/11/0007-K7Q"
        );
        // 23 characters: within the 24 a first issue takes of the reference's 32.
        assert_eq!("NLY/SD/2026/11/0007-K7Q".len(), 23);
        // A number the register holds (any case) is skipped: 0007 and 0008 taken, 0009 next.
        let taken = vec![
            "nly/sd/2026/11/0007-k7q".to_owned(),
            "NLY/SD/2026/11/0008-K7Q ".to_owned(),
            "NLY/SD/2026/11/0010-K7Q".to_owned(),
        ];
        assert_eq!(
            proposed_number("NLY", "SD", today, "K7Q", 6, &taken),
            "NLY/SD/2026/11/0009-K7Q"
        );
        // Prefix ACME01 and staff RAHMAT: 6+1+6+1+4+1+2+1+4+1+3 = 30 characters, over 24; without
        // the prefix, 23.
        assert_eq!(
            proposed_number("ACME01", "RAHMAT", today, "K7Q", 0, &[]),
            "RAHMAT/2026/11/0001-K7Q"
        );
        for &(last, issued, expected) in &[
            (6, "NLY/SD/2026/11/0007-K7Q", 7),
            (6, "NLY/SD/2026/11/0012-K7Q", 12),
            (6, "NLY/SD/2026/11/0003-K7Q", 6),
            // Another device's tag, another salesperson, another month, the old form, any text.
            (6, "NLY/SD/2026/11/0012-ZZZ", 6),
            (6, "NLY/BP/2026/11/0099-K7Q", 6),
            (6, "NLY/SD/2026/10/0099-K7Q", 6),
            (6, "NLY/SD/2026/11/0012", 6),
            (6, "NLY/SD/2026/11/12-K7Q", 6),
            (6, "Q-118", 6),
        ] {
            assert_eq!(
                after_issuing("NLY", "SD", today, "K7Q", last, issued),
                expected,
                "{issued}"
            );
        }
        assert_eq!(
            after_issuing(
                "ACME01",
                "RAHMAT",
                today,
                "K7Q",
                0,
                "RAHMAT/2026/11/0004-K7Q"
            ),
            4
        );
    }
}
