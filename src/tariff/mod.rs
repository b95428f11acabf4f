//! The price list: what each activity costs, where it can be delivered, and the in-house figures it
//! is compared with. Every published version is bundled so an old estimate re-prices exactly.

mod catalogue;
mod model;
mod validate;

pub use catalogue::{Catalogue, catalogue};
pub use model::*;
pub use validate::TariffError;

impl Tariff {
    /// Reads and checks a tariff file.
    ///
    /// # Errors
    /// [`TariffError`] when the text is not a tariff, or a figure in it cannot be right.
    pub fn parse(text: &str) -> Result<Self, TariffError> {
        // The whole message: it shows the line, so a day that does not exist is found by its key.
        let tariff: Tariff = toml::from_str(text).map_err(|e| TariffError::Syntax {
            message: e.to_string(),
        })?;
        tariff.validate()?;
        Ok(tariff)
    }
}
