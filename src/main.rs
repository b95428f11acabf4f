fn main() {
    biaya_bpo::ui::run();
}
