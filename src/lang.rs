//! The languages of the page, on the ground floor: the tariff's texts are in them, and the
//! page's words (`i18n`) are written in them. Standalone (serde only): the build script compiles
//! it too.

use serde::{Deserialize, Serialize};

/// A language of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code, for `<html lang>` and the language select.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::En => "en",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The page's language for a browser's preferred languages (`navigator.languages`): the
    /// first one we have, English when none matches.
    #[must_use]
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Self {
        tags.into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or_default();
                Self::from_code(&primary.to_ascii_lowercase())
            })
            .unwrap_or(Self::En)
    }

    /// The separator between groups of thousands.
    #[must_use]
    pub fn group_separator(self) -> char {
        match self {
            Self::Id => '.',
            Self::En => ',',
        }
    }

    /// The separator before decimals.
    #[must_use]
    pub fn decimal_separator(self) -> char {
        match self {
            Self::Id => ',',
            Self::En => '.',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn follows_the_first_browser_language_we_have() {
        for &(tags, expected) in &[
            (&["id-ID", "en-US"][..], Lang::Id),
            (&["en-GB", "id"][..], Lang::En),
            (&["fr-FR", "ID"][..], Lang::Id),
            (&["ja"][..], Lang::En),
            (&[][..], Lang::En),
        ] {
            assert_eq!(
                Lang::from_preferences(tags.iter().copied()),
                expected,
                "{tags:?}"
            );
        }
    }
}
