//! The visitor's language: Indonesian or English texts and number formats. The engine never
//! formats; the page and the quote tool do it through here.

mod describe;
mod format;
mod labels;
mod lang;
mod messages;

pub use describe::{line_detail, line_title, tariff_edition};
pub use format::{format_compact, format_count, format_money, format_percent, mid_sentence};
pub use labels::Labels;
pub use lang::Lang;
pub use messages::{estimate_error, link_error, link_problem, quantity_error};
