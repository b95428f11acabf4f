//! The page's parts, each a function component over props.

pub mod activity;
pub mod breakdown;
pub mod charts;
pub mod colophon;
pub mod compare;
pub mod document;
pub mod field;
pub mod in_house;
pub mod link_notices;
pub mod masthead;
pub mod method;
pub mod notices;
pub mod options;
pub mod quote;
pub mod settings;
pub mod share;
pub mod staffing;
pub mod summary;
pub mod traffic;
