//! The link of a printed quote as a QR code, so the quote re-opens on a phone.

use std::fmt::Write;

use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code, as the standard asks, so a scanner finds its edges.
const QUIET: i32 = 4;

/// The link as an SVG QR code (error correction M), or `None` for a link too long for any QR
/// code. Dark modules are one path of horizontal runs: a few kilobytes of markup even for a
/// long link, where a square per module would be ten times that.
#[must_use]
pub fn svg(link: &str) -> Option<String> {
    let code = QrCode::encode_binary(link.as_bytes(), QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let side = size + 2 * QUIET;
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(path, "M{},{}h{run}v1h-{run}z", start + QUIET, y + QUIET);
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" width="160" height="160" shape-rendering="crispEdges"><rect width="{side}" height="{side}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##
    ))
}

// rqrr, the decoder, is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::svg;

    /// Reads the drawing back as a grid of modules, as a camera would see it, and decodes it.
    fn scan(svg: &str) -> String {
        let side: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .expect("a square viewBox");
        let path = svg
            .split(" d=\"")
            .nth(1)
            .expect("a path")
            .split('"')
            .next()
            .unwrap_or("");
        let mut dark = vec![false; side * side];
        for run in path.split('M').filter(|r| !r.is_empty()) {
            let (at, rest) = run.split_once('h').expect("a run");
            let (x, y) = at.split_once(',').expect("x,y");
            let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
            let length: usize = rest
                .split('v')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a length");
            for cell in &mut dark[y * side + x..y * side + x + length] {
                *cell = true;
            }
        }
        // Eight pixels a module, so the decoder sees a picture and not a bare grid.
        let scale = 8;
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(side * scale, side * scale, |x, y| {
                if dark[(y / scale) * side + x / scale] {
                    0
                } else {
                    255
                }
            });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the drawing");
        grids[0].decode().expect("a readable code").1
    }

    #[test]
    fn a_phone_reads_the_link_back_from_the_printed_code() {
        let link = "https://biaya-bpo.example/#v=1&t=2026-01&l=en&c=IDR&a=sales.12.3~1;callcentre.m.40000.2";
        let drawn = svg(link).expect("a QR code");
        assert_eq!(scan(&drawn), link);
    }

    #[test]
    fn a_link_with_a_long_quote_still_fits() {
        let link = format!(
            "https://biaya-bpo.example/#v=1&q={}",
            "PT%20Sumber%20Makmur%20Sejahtera%20Tbk".repeat(20)
        );
        let drawn = svg(&link).expect("a QR code");
        assert_eq!(scan(&drawn), link);
    }

    #[test]
    fn a_phone_reads_a_signed_quotation_back_exactly() {
        // The four-activity quotation the quote tool signed (client, number, attention, note,
        // dates, discount, key and signature), at the example provider's address: a phone must
        // read every byte, or the signature no longer holds.
        let fixture = include_str!("../../tests/fixtures/signed-natively.txt").trim();
        assert!(fixture.contains("&key=SD-14cd3d&sig="), "{fixture}");
        let link = format!("https://nusa-layanan.example/biaya/#{fixture}");
        let drawn = svg(&link).expect("a QR code");
        assert_eq!(scan(&drawn), link);
    }

    #[test]
    fn a_link_longer_than_any_qr_code_draws_none() {
        assert_eq!(svg(&"x".repeat(3000)), None);
    }
}
