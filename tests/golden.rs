//! Links handed out in the past. Each must open, in every later release, to exactly these
//! figures: never edit an entry, only add. A failure here means a release would break a promise
//! already made to a client.

use biaya_bpo::estimate::{Rules, estimate};
use biaya_bpo::link;
use biaya_bpo::money::Currency;
use biaya_bpo::tariff::catalogue;
use rust_decimal::Decimal;

/// (link, currency, one-time, monthly, contract, in-house monthly)
const GOLDEN: &[(&str, Currency, &str, &str, &str, &str)] = &[
    (
        "v=1&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&accounting=4000.1500.250.2.6~1&fulfilment=12000.9000.120.0.300.40~1&sales=3.40.150~1&for=PT%20Maju%20Jaya&by=Sari%20Dewi&contact=sari@contoh.co.id&ref=Q-118&d=2026-11-27&z=650f28cf",
        Currency::Usd,
        "5552.32",
        "37276.51",
        "1347506.68",
        "39188.03",
    ),
    (
        "v=1&t=2026-11&s=manila&k=24m&c=IDR&l=en&f=50&call-centre=dedicated.25~5&z=5628301d",
        Currency::Idr,
        "416250000",
        "626404080",
        "15449947920",
        "388925267",
    ),
    (
        "v=1&t=2026-11&s=yogyakarta&k=monthly&c=IDR&l=id&f=20&fulfilment=800.0.6.40~6&z=3ff16e91",
        Currency::Idr,
        "8325000",
        "7925400",
        "16250400",
        "12172926",
    ),
    (
        "v=1&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&accounting=1000.500.100.1.3&d=2026-12-01&z=d367052c",
        Currency::Idr,
        "11100000",
        "29262375",
        "362248500",
        "28157467",
    ),
    (
        "v=1&t=2026-11&s=bengaluru&k=36m&c=USD&l=en&f=10&sales=12.0.2500~6&z=b3f6a891",
        Currency::Usd,
        "13445.27",
        "93389.63",
        "3375471.95",
        "84794.90",
    ),
    // Format 2 (issue 14): without VAT, the client's own call-centre wage and productivity,
    // fulfilment from Yogyakarta. Worked by hand from tariff 2026-11:
    //  call centre 20,000 minutes x 3,500 = 70,000,000 + fee 5,000,000, less 5 % = 71,250,000;
    //  fulfilment at 0.75 of Jakarta's labour: 2,000,000 + 3,000 x 3,375 + 1,500 x 750
    //  + 20 x 150,000 + 60 x 4,500 + 10 x 45,000 = 16,970,000, less 5 % = 16,121,500;
    //  no VAT: 87,371,500 a month; one-time 15,000,000 + 7,500,000; contract 22,500,000
    //  + 12 x 87,371,500. In-house: 20,000 / 2,500 = 8 agents at 8,000,000: wages 64,000,000,
    //  BPJS 10.24 % = 6,553,600, THR 5,333,333, overhead 48,000,000; 2 warehouse staff at the
    //  minimum wage 5,729,876: 11,459,752 + 1,173,479 + 954,979 + 5,000,000, and 20 pallets of
    //  space at 120,000: 144,875,143.
    (
        "v=2&t=2026-11&s=jakarta&k=12m&c=IDR&l=id&f=30&vat=excl&call-centre=shared.20000&call-centre-own=w8000000~minutes:2500&fulfilment=3000.1500.20.0.60.10&fulfilment-site=yogyakarta&z=f6254eea",
        Currency::Idr,
        "22500000",
        "87371500",
        "1070958000",
        "144875143",
    ),
    // Format 3 (issue 22): every line is its quantity times its unit price as shown (rule 13).
    // Worked by hand from tariff 2026-11 at 16,693 rupiah a dollar, month to month, Jakarta:
    //  250 payslips at Rp 45,000 = USD 2.695740.. = 2.6957: 250 x 2.6957 = 673.925 -> 673.93
    //  (format 1 would say 673.94); fee 2,500,000 = 149.76; 823.69 + VAT 90.6059 -> 90.61 =
    //  914.30 a month. Onboarding 10,000,000 = 599.05 + VAT 65.8955 -> 65.90 = 664.95; the
    //  contract, one month, 1,579.25. In-house one staff accountant (250 / 800 payslips) at
    //  8,500,000: wage 509.195.. = 509.1955 -> 509.20; BPJS 870,400 = 52.1416 -> 52.14; THR
    //  708,333.33 = 42.4330 -> 42.43; overhead 4,000,000 = 239.6214 -> 239.62: 843.39.
    (
        "v=3&t=2026-11&s=jakarta&k=monthly&c=USD&l=id&f=30&accounting=0.0.250&z=5cde467d",
        Currency::Usd,
        "664.95",
        "914.30",
        "1579.25",
        "843.39",
    ),
    // Format 3: dedicated agents with the chats and e-mails priced beside them (rule 14).
    //  fee 5,000,000 + 5 agents x 12,000,000 + 5,000 chats x 8,500 + 7,000 x 7,800
    //  + 500 e-mails x 11,000 = 167,600,000 + VAT 18,436,000 = 186,036,000 a month;
    //  one-time 15,000,000 + 5 x 9,000,000 = 60,000,000 + VAT 6,600,000 = 66,600,000;
    //  contract (one month) 252,636,000. In-house 5 + 12,000 / 1,300 + 500 / 1,000 = 14.73
    //  -> 15 agents at 6,200,000: wages 93,000,000, BPJS 634,880 x 15 = 9,523,200, THR
    //  516,667 (whole rupiah, rule 13) x 15 = 7,750,005, overhead 90,000,000: 200,273,205.
    (
        "v=3&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.5.0.12000.500&z=997d71ea",
        Currency::Idr,
        "66600000",
        "186036000",
        "252636000",
        "200273205",
    ),
    // Format 3: agents sized for a custom service level, 90 % within 20 s (no preset): 72,800
    // calls of 180 s over a flat 12-hour, 7-day month are 10 erlangs an hour; 15 agents give
    // 94.1 % (14 give 88.8 %, pyworkforce's grid), 15 x 12 x 7 / (40 x 0.7) = 45 to schedule.
    //  fee 5,000,000 + 10 x 12,000,000 + 35 x 11,500,000 = 527,500,000 + VAT 58,025,000 =
    //  585,525,000; one-time 15,000,000 + 45 x 9,000,000 = 420,000,000 + VAT 46,200,000 =
    //  466,200,000; contract 1,051,725,000. In-house 45 agents: 279,000,000 + 634,880 x 45
    //  = 28,569,600 + 516,667 x 45 = 23,250,015 + 270,000,000 = 600,819,615.
    (
        "v=3&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.45&call-centre-traffic=e.72800.180.12.7.90.20.85.30.f&z=965deac1",
        Currency::Idr,
        "466200000",
        "585525000",
        "1051725000",
        "600819615",
    ),
];

/// Quotations of several options (format 4, issue 24): the link, then each option's currency,
/// one-time, monthly and contract totals, as the link with `&o=<n>` opens them.
type Options = &'static [(Currency, &'static str, &'static str, &'static str)];
const GOLDEN_OPTIONS: &[(&str, Options)] = &[
    // Its three options are the requests of three format-3 entries above, worked by hand there:
    // five dedicated agents with chats and e-mails; 45 agents sized by Erlang C; 250 payslips in
    // dollars (the call centre left out of the third).
    (
        "v=4&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.5.0.12000.500&o2=call-centre@dedicated.45+call-centre-traffic@e.72800.180.12.7.90.20.85.30.f&o3=c@USD+accounting@0.0.250+call-centre@&for=PT%20Maju%20Jaya&by=Sari%20Dewi&ref=NLY/SD/2026/11/0009&d=2026-11-28&z=9c7bf62b",
        &[
            (Currency::Idr, "66600000", "186036000", "252636000"),
            (Currency::Idr, "466200000", "585525000", "1051725000"),
            (Currency::Usd, "664.95", "914.30", "1579.25"),
        ],
    ),
];

#[test]
fn every_option_of_a_golden_quotation_opens_to_its_figures() {
    let catalogue = catalogue().expect("the bundled tariffs are valid");
    for &(text, options) in GOLDEN_OPTIONS {
        for (n, &(currency, one_time, monthly, contract)) in options.iter().enumerate() {
            let chosen = format!("{text}&o={}", n + 1);
            let opened = link::decode(&chosen, catalogue).expect(text);
            assert_eq!(opened.dropped, [], "{chosen}");
            assert_eq!(opened.contents.options.len() + 1, options.len(), "{text}");
            let tariff = catalogue
                .get(&opened.contents.tariff)
                .expect("the tariff it names is bundled");
            let e = estimate(tariff, opened.request()).expect(text);
            assert_eq!(e.currency, currency, "{chosen}");
            assert_eq!(e.totals.one_time, amount(one_time), "{chosen}");
            assert_eq!(e.totals.monthly, amount(monthly), "{chosen}");
            assert_eq!(e.totals.contract, amount(contract), "{chosen}");
        }
    }
}

fn amount(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

#[test]
fn every_golden_link_opens_to_its_figures() {
    let catalogue = catalogue().expect("the bundled tariffs are valid");
    for &(text, currency, one_time, monthly, contract, in_house) in GOLDEN {
        let opened = link::decode(text, catalogue).expect(text);
        assert_eq!(opened.dropped, [], "{text}");
        let tariff = catalogue
            .get(&opened.contents.tariff)
            .expect("its tariff is still bundled");
        let e = estimate(tariff, &opened.contents.request).expect(text);
        assert_eq!(e.currency, currency, "{text}");
        assert_eq!(
            (
                e.totals.one_time,
                e.totals.monthly,
                e.totals.contract,
                e.in_house.monthly
            ),
            (
                amount(one_time),
                amount(monthly),
                amount(contract),
                amount(in_house)
            ),
            "{text}"
        );
        // This release still writes the same link for it.
        assert_eq!(link::encode(&opened.contents, tariff), text);
    }
}

#[test]
fn a_link_is_priced_by_the_rules_of_its_format() {
    let catalogue = catalogue().expect("the bundled tariffs are valid");
    for &(text, ..) in GOLDEN {
        let opened = link::decode(text, catalogue).expect(text);
        let expected = if text.starts_with("v=3&") {
            Rules::Format3
        } else {
            Rules::Format2
        };
        assert_eq!(opened.contents.request.rules, expected, "{text}");
    }
    // The first link's first 20,000 minutes at Rp 3,500 in dollars: its own 70,000,000 /
    // 16,693 = 4,193.37, where the current rules would bill 20,000 x 0.2097 = 4,194.00.
    let (text, ..) = GOLDEN[0];
    let mut request = link::decode(text, catalogue).expect(text).contents.request;
    let tariff = catalogue.latest();
    let minutes = |request: &biaya_bpo::estimate::Request| {
        estimate(tariff, request).expect(text).activities[0].monthly_lines[1].amount
    };
    assert_eq!(minutes(&request), amount("4193.37"));
    request.rules = Rules::Format3;
    assert_eq!(minutes(&request), amount("4194.00"));
}

#[test]
fn the_quote_tool_prints_the_same_figures() {
    let (text, _, one_time, monthly, contract, _) = GOLDEN[0];
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quote"))
        .arg(format!("https://example.invalid/#{text}"))
        .output()
        .expect("the quote tool runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let totals = &json["estimate"]["totals"];
    assert_eq!(totals["one_time"], one_time);
    assert_eq!(totals["monthly"], monthly);
    assert_eq!(totals["contract"], contract);
    assert_eq!(json["link"], text);
    assert_eq!(json["valid_until"], "2026-12-27");
    assert_eq!(json["dropped"].as_array().map(Vec::len), Some(0));
    assert_eq!(json["quote"]["client"], "PT Maju Jaya");
    assert_eq!(
        json["estimate"]["activities"].as_array().map(Vec::len),
        Some(4)
    );

    let broken = std::process::Command::new(env!("CARGO_BIN_EXE_quote"))
        .arg("not a link")
        .output()
        .expect("the quote tool runs");
    assert!(!broken.status.success());
    assert_eq!(
        String::from_utf8_lossy(&broken.stderr).trim(),
        "This address holds no estimate that can be read."
    );
    // Scripts read why, by a stable code.
    let json: serde_json::Value = serde_json::from_slice(&broken.stdout).expect("JSON");
    assert_eq!(json["refused"]["code"], "link_not_ours");
}

#[test]
fn the_quote_tool_prints_lines_that_multiply_out() {
    // The payslips of the first format-3 link: 250 x USD 2.6957 = 673.925 -> 673.93.
    let (text, ..) = GOLDEN
        .iter()
        .find(|g| g.0.contains("accounting=0.0.250"))
        .expect("an entry");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quote"))
        .arg(text)
        .output()
        .expect("the quote tool runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let line = &json["estimate"]["activities"][0]["monthly_lines"][1];
    assert_eq!(
        (&line["quantity"], &line["unit_price"], &line["amount"]),
        (
            &serde_json::json!(250),
            &serde_json::json!("2.6957"),
            &serde_json::json!("673.93")
        )
    );
}

#[test]
fn the_quote_tool_prints_figures_without_vat_where_the_link_leaves_it_out() {
    let &(text, _, one_time, monthly, contract, _) = GOLDEN
        .iter()
        .find(|g| g.0.contains("&vat=excl&"))
        .expect("an entry without VAT");
    assert!(text.contains("vat=excl"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_quote"))
        .arg(text)
        .output()
        .expect("the quote tool runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let e = &json["estimate"];
    assert_eq!(e["vat"], serde_json::Value::Null);
    assert_eq!(
        (
            &e["totals"]["one_time"],
            &e["totals"]["monthly"],
            &e["totals"]["contract"]
        ),
        (
            &serde_json::json!(one_time),
            &serde_json::json!(monthly),
            &serde_json::json!(contract)
        )
    );
    // No VAT line anywhere; a link with VAT has them.
    let vat_lines = |stdout: &[u8]| {
        String::from_utf8_lossy(stdout)
            .matches("\"vat\": {")
            .count()
    };
    assert_eq!(vat_lines(&output.stdout), 0);
    let with_vat = std::process::Command::new(env!("CARGO_BIN_EXE_quote"))
        .arg(GOLDEN[2].0)
        .output()
        .expect("the quote tool runs");
    assert_eq!(vat_lines(&with_vat.stdout), 2);
}
