//! The page's deferred module: the charts, the breakdown, the method and the printed header,
//! loaded after the first paint (see `biaya_bpo::ui::deferred`).

// The same allocator as the page's own module (src/main.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: `new_global` asks for single-threaded WebAssembly, which the page is.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    biaya_bpo::ui::deferred::run();
}
