//! Biaya BPO: what outsourcing a business process costs.
//!
//! The engine (`tariff`, `estimate`, `money`) is pure Rust with no web dependency; the page
//! (`ui`, feature "ui") is a thin layer over it.

pub mod acceptance;
pub mod calendar;
pub mod csv;
pub mod document;
pub mod estimate;
pub mod i18n;
pub mod lang;
pub mod link;
pub mod money;
pub mod provider;
pub mod quantity;
pub mod quote;
pub mod roster;
pub mod signature;
pub mod staffing;
pub mod tariff;

#[cfg(feature = "ui")]
pub mod ui;
