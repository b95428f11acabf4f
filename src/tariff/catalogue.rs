//! Every tariff ever published, bundled into the app so an estimate priced with an old version can
//! be priced again with exactly that version.

use std::sync::OnceLock;

use super::{Tariff, TariffError};

/// The published tariff files, oldest first. Add a file here; never edit or drop one.
const PUBLISHED: &[&str] = &[include_str!("../../tariffs/2026-11.toml")];

/// The bundled tariffs, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    tariffs: Vec<Tariff>,
}

impl Catalogue {
    /// A catalogue of the given tariffs, which must be in order of version.
    ///
    /// # Errors
    /// [`TariffError::Bundle`] when there is no tariff or the versions are not in rising order.
    pub fn new(tariffs: Vec<Tariff>) -> Result<Self, TariffError> {
        if tariffs.is_empty() {
            return Err(TariffError::Bundle {
                problem: "holds no tariff",
            });
        }
        if tariffs.windows(2).any(|w| w[0].version >= w[1].version) {
            return Err(TariffError::Bundle {
                problem: "versions must rise, each once",
            });
        }
        Ok(Self { tariffs })
    }

    /// Parses and checks tariff files, oldest first.
    ///
    /// # Errors
    /// The first file that is not a valid tariff, or a bundle out of order.
    pub fn parse(files: &[&str]) -> Result<Self, TariffError> {
        Self::new(
            files
                .iter()
                .map(|text| Tariff::parse(text))
                .collect::<Result<_, _>>()?,
        )
    }

    /// The tariff new estimates are priced with.
    #[must_use]
    pub fn latest(&self) -> &Tariff {
        // `new` refuses an empty list, so there is always a last one.
        &self.tariffs[self.tariffs.len() - 1]
    }

    #[must_use]
    pub fn get(&self, version: &str) -> Option<&Tariff> {
        self.tariffs.iter().find(|t| t.version == version)
    }

    #[must_use]
    pub fn tariffs(&self) -> &[Tariff] {
        &self.tariffs
    }
}

/// The bundled catalogue, parsed once.
///
/// # Errors
/// Only if a published file is broken, which the test suite rules out.
pub fn catalogue() -> Result<&'static Catalogue, &'static TariffError> {
    static CATALOGUE: OnceLock<Result<Catalogue, TariffError>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| Catalogue::parse(PUBLISHED))
        .as_ref()
}
