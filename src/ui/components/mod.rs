//! The page's parts, each a function component over props.

pub mod activity;
pub mod breakdown;
pub mod charts;
pub mod field;
pub mod masthead;
pub mod method;
pub mod notices;
pub mod print;
pub mod settings;
pub mod share;
pub mod summary;
