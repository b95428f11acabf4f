// The page's allocator: talc is some 6 KB of WebAssembly smaller than the standard dlmalloc and
// as fast here (keystroke and engine figures in the README).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: `new_global` asks for single-threaded WebAssembly, which the page is.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    biaya_bpo::ui::run();
}
