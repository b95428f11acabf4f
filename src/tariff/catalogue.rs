//! Every tariff ever published, bundled into the app so an estimate priced with an old version can
//! be priced again with exactly that version.

use std::sync::OnceLock;

use super::{Tariff, TariffError};

/// Every file of `tariffs/`, oldest first, checked and packed by the build script.
const PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tariffs.postcard"));

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

/// The bundled catalogue, unpacked once.
///
/// # Errors
/// Only if the bundle is broken, which the build script and the test suite rule out.
pub fn catalogue() -> Result<&'static Catalogue, &'static TariffError> {
    static CATALOGUE: OnceLock<Result<Catalogue, TariffError>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| {
            let tariffs = postcard::from_bytes(PACKED).map_err(|_| TariffError::Bundle {
                problem: "the packed tariffs do not decode",
            })?;
            Catalogue::new(tariffs)
        })
        .as_ref()
}
