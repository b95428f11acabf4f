//! The words of the documents an estimate leaves the page as: the CSV file.

use super::Lang;

texts! {
    /// The CSV file's column names.
    pub struct CsvTexts {
        header =>
            "Bagian,Aktivitas,Rincian,Jumlah unit,Harga satuan,Jumlah,Mata uang",
            "Section,Activity,Item,Quantity,Unit price,Amount,Currency";
    }
}

/// The CSV's first row.
#[must_use]
pub fn csv_header(lang: Lang) -> &'static str {
    CsvTexts::of(lang).header
}
