//! What the native tests that drive the `quote` tool share (tests/approval.rs, tests/roster.rs,
//! tests/signature.rs): the tool, run as an operator runs it, for the example provider whatever
//! provider the build is for.

use std::process::{Command, Output};

/// The quote tool with these arguments, for the example provider.
pub fn quote_tool(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quote"))
        .args([
            "--provider",
            concat!(env!("CARGO_MANIFEST_DIR"), "/providers/example"),
        ])
        .args(args)
        .output()
        .expect("the quote tool runs")
}
