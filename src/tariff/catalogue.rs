//! Every tariff ever published, bundled into the app so an estimate priced with an old version can
//! be priced again with exactly that version.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_decimal::Decimal;

// The source the build script writes names these types, `Cow` and `Decimal` bare.
use super::{
    Activity, ActivityInHouse, ActivityOption, Contribution, ExchangeRate, InHouseBasis, Language,
    List, Model, Site, SizedBy, Tariff, TariffError, Term, Text, Tier, Unit, Vat,
};
use crate::calendar::Date;
use crate::money::Currency;

/// Every file of `tariffs/`, oldest first, checked and written out as Rust by the build script.
static BUNDLED: &[Tariff] = include!(concat!(env!("OUT_DIR"), "/tariffs.rs"));

/// The bundled tariffs, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    tariffs: List<Tariff>,
}

impl Catalogue {
    /// A catalogue of the given tariffs, which must be in order of version.
    ///
    /// # Errors
    /// [`TariffError::Bundle`] when there is no tariff or the versions are not in rising order.
    pub fn new(tariffs: Vec<Tariff>) -> Result<Self, TariffError> {
        Self::check(&tariffs)?;
        Ok(Self {
            tariffs: Cow::Owned(tariffs),
        })
    }

    fn check(tariffs: &[Tariff]) -> Result<(), TariffError> {
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
        Ok(())
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

/// The bundled catalogue.
///
/// # Errors
/// Only if the bundle breaks the catalogue's rules, which the build script rules out.
pub fn catalogue() -> Result<&'static Catalogue, &'static TariffError> {
    static CATALOGUE: OnceLock<Result<Catalogue, TariffError>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| {
            Catalogue::check(BUNDLED)?;
            Ok(Catalogue {
                tariffs: Cow::Borrowed(BUNDLED),
            })
        })
        .as_ref()
}
