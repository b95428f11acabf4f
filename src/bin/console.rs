//! The sales console (console.html): the calculator, its deferred parts and the sales panel in
//! one module, which no prospect's page loads (see `biaya_bpo::ui::console`).

// The same allocator as the page's own module (src/main.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: `new_global` asks for single-threaded WebAssembly, which the page is.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    biaya_bpo::ui::console::run();
}
