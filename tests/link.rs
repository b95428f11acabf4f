//! Estimate links: compact, exact, versioned, and lenient with what was damaged on the way.

use std::collections::BTreeSet;

use biaya_bpo::calendar::Date;
use biaya_bpo::estimate::{ActivityRequest, Request, estimate};
use biaya_bpo::link::{self, Contents, Dropped, LinkError, MAX_LENGTH, QuoteDetails};
use biaya_bpo::money::Currency;
use biaya_bpo::tariff::{Catalogue, Tariff, catalogue};

fn bundled() -> &'static Catalogue {
    catalogue().expect("the bundled tariffs are valid")
}

/// The bundle plus a later tariff, as after the next price list is published.
fn with_newer() -> Catalogue {
    let newer = Tariff::parse(include_str!("fixtures/2027-05.toml")).expect("valid fixture");
    let mut tariffs = bundled().tariffs().to_vec();
    tariffs.push(newer);
    Catalogue::new(tariffs).expect("rising versions")
}

/// An activity, its volumes by unit, and its options.
type Wanted<'a> = (&'a str, &'a [(&'a str, u64)], &'a [&'a str]);

/// A full four-activity estimate as a sales rep would build it.
fn full() -> Contents {
    let t = bundled().latest();
    let mut request = Request::starter(t);
    let volumes: [Wanted; 4] = [
        (
            "call-centre",
            &[("minutes", 45_000), ("chats", 3_000), ("emails", 1_200)],
            &["24-7", "premium-qa"],
        ),
        (
            "accounting",
            &[
                ("transactions", 4_000),
                ("invoices", 1_500),
                ("payslips", 250),
            ],
            &["fast-close"],
        ),
        (
            "fulfilment",
            &[("orders", 12_000), ("extra-items", 9_000), ("pallets", 120)],
            &[],
        ),
        (
            "sales",
            &[("reps", 3), ("appointments", 40), ("leads", 150)],
            &["crm-integration"],
        ),
    ];
    for (id, units, options) in volumes {
        let mut wanted = ActivityRequest::starter(t.activity(id).expect(id));
        for &(unit, quantity) in units {
            wanted.volumes.insert(unit.into(), quantity);
        }
        wanted.options = options.iter().map(|&o| o.to_owned()).collect();
        request.activities.push(wanted);
    }
    request.currency = Currency::Usd;
    request.term = "36m".into();
    Contents {
        tariff: t.version.to_string(),
        request,
        options: Vec::new(),
        quote: QuoteDetails::default(),
    }
}

#[test]
fn a_full_estimate_fits_in_300_characters_and_reopens_exactly() {
    let t = bundled().latest();
    let shared = full();
    let text = link::encode(&shared, t);
    assert!(text.len() <= 300, "{} characters: {text}", text.len());
    assert!(
        text.starts_with(
            "v=3&t=2026-11&s=jakarta&k=36m&c=USD&l=id&f=30&call-centre=shared.45000.0.3000.1200~10&"
        ),
        "{text}"
    );
    let opened = link::decode(&text, bundled()).expect("our link");
    assert_eq!(opened.dropped, []);
    assert_eq!(opened.contents, shared);
    assert_eq!(
        estimate(t, &opened.contents.request),
        estimate(t, &shared.request)
    );
    // A whole URL, or the fragment with its '#', reads the same.
    let url = format!("https://example.invalid/biaya/#{text}");
    assert_eq!(
        link::decode(&url, bundled()).map(|o| o.contents),
        Ok(shared)
    );
}

#[test]
fn quote_details_travel_as_text_and_are_capped() {
    let t = bundled().latest();
    let mut shared = full();
    shared.quote = QuoteDetails {
        client: "PT Maju & Jaya <b>Tbk</b>".into(),
        preparer: "Sari Dewi".into(),
        contact: "sari@contoh.co.id, +62 812 0000".into(),
        reference: "Q-2026/118#2".into(),
        issued: Date::parse("2026-11-27"),
        ..QuoteDetails::default()
    };
    let text = link::encode(&shared, t);
    let opened = link::decode(&text, bundled()).expect("our link");
    assert_eq!(opened.dropped, []);
    assert_eq!(opened.contents.quote, shared.quote);
    assert_eq!(
        opened
            .contents
            .quote
            .valid_until(t)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-12-27")
    );

    // A hand-made link with an overlong name keeps the first 60 characters and says so.
    let long = "A".repeat(200);
    let hand = text.replacen("for=PT", &format!("for={long}PT"), 1);
    let opened = link::decode(&hand, bundled()).expect("still ours");
    assert_eq!(opened.contents.quote.client.chars().count(), 60);
    assert!(opened.dropped.contains(&Dropped::Shortened {
        field: "for".into(),
        max: 60
    }));
    assert!(opened.dropped.contains(&Dropped::Altered));
}

#[test]
fn a_damaged_link_opens_what_it_can_and_says_what_was_dropped() {
    let t = bundled().latest();
    let text = link::encode(&full(), t);

    // Cut short in the middle of the sales field.
    let cut = &text[..text.find("&sales=").expect("sales") + 10];
    let opened = link::decode(cut, bundled()).expect("recoverable");
    assert!(
        opened.dropped.contains(&Dropped::Truncated),
        "{:?}",
        opened.dropped
    );
    assert_eq!(opened.contents.request.activities.len(), 4);

    // A volume edited by hand: the check notices, the value is kept if it reads.
    let edited = text.replacen("45000", "46000", 1);
    let opened = link::decode(&edited, bundled()).expect("recoverable");
    assert_eq!(opened.dropped, [Dropped::Altered]);
    assert_eq!(
        opened.contents.request.activities[0].volumes.get("minutes"),
        Some(&46_000)
    );

    // Each repair is reported with what was done instead, and the rest still prices.
    let repairs: [(&str, &str, Dropped); 9] = [
        (
            "s=jakarta",
            "s=tokyo",
            Dropped::Setting {
                key: "s".into(),
                value: "tokyo".into(),
            },
        ),
        (
            "k=36m",
            "k=99m",
            Dropped::Setting {
                key: "k".into(),
                value: "99m".into(),
            },
        ),
        (
            "c=USD",
            "c=EUR",
            Dropped::Setting {
                key: "c".into(),
                value: "EUR".into(),
            },
        ),
        (
            "f=30",
            "f=300",
            Dropped::Setting {
                key: "f".into(),
                value: "300".into(),
            },
        ),
        (
            "accounting=4000.1500.250",
            "accounting=4000.abc.250",
            Dropped::Volume {
                activity: "accounting".into(),
                unit: "invoices".into(),
                max: None,
            },
        ),
        (
            "accounting=4000.1500.250",
            "accounting=4000.10000001.250",
            Dropped::Volume {
                activity: "accounting".into(),
                unit: "invoices".into(),
                max: Some(10_000_000),
            },
        ),
        (
            "~10",
            "~999999",
            Dropped::UnknownOptions {
                activity: "call-centre".into(),
            },
        ),
        (
            "call-centre=shared",
            "call-centre=robots",
            Dropped::UnknownModel {
                activity: "call-centre".into(),
                model: "robots".into(),
            },
        ),
        // Extended hours and 24/7 together: the first is kept, and the link says so.
        (
            "~10",
            "~3",
            Dropped::OptionConflict {
                activity: "call-centre".into(),
                kept: "extended-hours".into(),
                dropped: "24-7".into(),
            },
        ),
    ];
    for (from, to, repair) in repairs {
        let opened = link::decode(&text.replacen(from, to, 1), bundled()).expect("recoverable");
        assert!(
            opened.dropped.contains(&repair),
            "{to}: {:?}",
            opened.dropped
        );
        assert!(opened.contents.request.activities.len() >= 3, "{to}");
        assert!(estimate(t, &opened.contents.request).is_ok(), "{to}");
    }
    // What the message says is what was done: an unreadable or too large volume is 0.
    let opened = link::decode(
        &text.replacen("accounting=4000.1500", "accounting=4000.10000001", 1),
        bundled(),
    )
    .expect("recoverable");
    assert_eq!(
        opened.contents.request.activities[1]
            .volumes
            .get("invoices"),
        Some(&0)
    );
    assert_eq!(
        opened.dropped.iter().map(Dropped::code).collect::<Vec<_>>(),
        ["link_altered", "quantity_too_large"]
    );

    // A field from the future is reported, not fatal.
    let opened = link::decode(&text.replacen("&z=", "&x-new=1&z=", 1), bundled()).expect("ours");
    assert!(opened.dropped.contains(&Dropped::Unknown {
        field: "x-new".into()
    }));

    // A site that cannot deliver fulfilment: fulfilment is left out, with the reason.
    let abroad = text
        .replacen("s=jakarta", "s=manila", 1)
        .replacen("l=id", "l=en", 1);
    let opened = link::decode(&abroad, bundled()).expect("recoverable");
    let removed: Vec<&str> = opened
        .dropped
        .iter()
        .filter_map(|d| match d {
            Dropped::Removed { activity, error } => {
                assert_eq!(error.code(), "site_unavailable");
                Some(activity.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(removed, ["fulfilment"]);
    assert_eq!(opened.contents.request.site, "manila");
}

#[test]
fn what_is_not_a_link_is_refused_whole() {
    assert_eq!(
        link::decode(&"a".repeat(MAX_LENGTH + 1), bundled()),
        Err(LinkError::TooLong {
            length: MAX_LENGTH + 1,
            max: MAX_LENGTH
        })
    );
    for text in [
        "",
        "#",
        "hello",
        "https://example.invalid/#section-2",
        "v=one&t=2026-11",
    ] {
        assert_eq!(
            link::decode(text, bundled()),
            Err(LinkError::NotALink),
            "{text:?}"
        );
    }
    assert_eq!(
        link::decode("v=5&t=2031-01", bundled()),
        Err(LinkError::NewerFormat { format: 5 })
    );
}

#[test]
fn an_old_link_keeps_its_tariff_after_a_new_one_is_published() {
    let catalogue = with_newer();
    let old = bundled().latest();
    let new = catalogue.latest();
    assert_eq!(new.version, "2027-05");
    let shared = full();
    let text = link::encode(&shared, old);

    let opened = link::decode(&text, &catalogue).expect("our link");
    assert_eq!(opened.dropped, []);
    assert_eq!(opened.contents.tariff, "2026-11");
    let then = estimate(
        catalogue.get("2026-11").expect("bundled"),
        &opened.contents.request,
    )
    .expect("prices");
    assert_eq!(Ok(then.clone()), estimate(old, &shared.request));

    // Re-priced with today's tariff: dearer minutes and fee, and premium QA is gone.
    let (today, dropped) = link::reprice(&opened.contents.request, new);
    assert_eq!(
        dropped,
        [Dropped::NotOffered {
            activity: "call-centre".into(),
            option: Some("premium-qa".into())
        }]
    );
    let options: BTreeSet<&str> = today.activities[0]
        .options
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(options, BTreeSet::from(["24-7"]));
    let now = estimate(new, &today).expect("prices");
    assert_eq!(now.tariff, "2027-05");
    assert_ne!(now.totals.monthly, then.totals.monthly);

    // A link naming a tariff nobody published is priced with the newest, and says so.
    let future = text.replacen("t=2026-11", "t=2099-01", 1);
    let opened = link::decode(&future, &catalogue).expect("recoverable");
    assert!(opened.dropped.contains(&Dropped::UnknownTariff {
        version: "2099-01".into()
    }));
    assert_eq!(opened.contents.tariff, "2027-05");
}

#[test]
fn every_link_in_the_readme_opens_clean() {
    let readme = include_str!("../README.md");
    let links: Vec<&str> = readme
        .match_indices("v=1&")
        .map(|(at, _)| {
            let rest = &readme[at..];
            let end = rest
                .find(|c: char| c.is_whitespace() || "`)\"'<>".contains(c))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect();
    assert!(!links.is_empty(), "the README shows a link");
    for text in links {
        let opened = link::decode(text, bundled()).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(opened.dropped, [], "{text}");
        let t = bundled().get(&opened.contents.tariff).expect("bundled");
        assert!(estimate(t, &opened.contents.request).is_ok(), "{text}");
    }
}

#[test]
fn a_volume_sized_from_calls_travels_with_its_traffic_and_reopens_exactly() {
    use biaya_bpo::staffing::{CentrePlan, Profile, Sizing};
    let t = bundled().latest();
    let mut contents = full();
    // Shared minutes from 30,000 calls of 4 minutes: 120,000 minutes.
    let call = &mut contents.request.activities[0];
    call.volumes.insert("minutes".into(), 120_000);
    call.sizing = Some(Sizing::Calls {
        calls: 30_000,
        handle_time: 240,
    });
    let text = link::encode(&contents, t);
    assert!(text.contains("&call-centre-traffic=c.30000.240&"), "{text}");
    let opened = link::decode(&text, bundled()).expect("our link");
    assert_eq!(opened.dropped, []);
    assert_eq!(opened.contents, contents);

    // Dedicated agents for a 12-hour, 7-day centre at 80/20: the volume is what Erlang C gives.
    let centre = Sizing::Centre(CentrePlan {
        calls: 30_000,
        handle_time: 240,
        hours_per_day: 12,
        days_per_week: 7,
        service_level: 80,
        answer_within: 20,
        max_occupancy: 85,
        shrinkage: 30,
        profile: Profile::Typical,
    });
    let agents = centre.volume().expect("sizes");
    let call = &mut contents.request.activities[0];
    call.model = "dedicated".into();
    // A team's request holds the channels priced beside it (rule 14): none here.
    call.volumes = [
        ("agents", agents),
        ("outbound-minutes", 0),
        ("chats", 0),
        ("emails", 0),
    ]
    .into_iter()
    .map(|(unit, quantity)| (unit.to_owned(), quantity))
    .collect();
    call.sizing = Some(centre);
    let text = link::encode(&contents, t);
    assert!(text.contains("&call-centre-traffic=e.30000.240.12.7.80.20.85.30.t&"));
    let opened = link::decode(&text, bundled()).expect("our link");
    assert_eq!(opened.contents, contents);

    // Agents edited by hand no longer match the traffic: the volume stands, the traffic goes.
    let edited = text.replacen(
        &format!("call-centre=dedicated.{agents}"),
        &format!("call-centre=dedicated.{}", agents + 1),
        1,
    );
    let opened = link::decode(&edited, bundled()).expect("recoverable");
    assert!(opened.dropped.contains(&Dropped::Traffic {
        activity: "call-centre".into()
    }));
    let call = &opened.contents.request.activities[0];
    assert_eq!(call.volumes.get("agents"), Some(&(agents + 1)));
    assert_eq!(call.sizing, None);
}

#[test]
fn a_team_carries_the_channels_priced_beside_it_and_older_links_read_as_before() {
    let t = bundled().latest();
    // Five dedicated agents with 12,000 chats and 500 e-mails beside them (rule 14): the field
    // lists the agents, then outbound minutes, chats and e-mails, in format 3.
    let mut request = Request::starter(t);
    request.term = "monthly".into();
    let mut team = ActivityRequest::starter(t.activity("call-centre").expect("offered"));
    team.model = "dedicated".into();
    team.volumes = [
        ("agents", 5),
        ("outbound-minutes", 0),
        ("chats", 12_000),
        ("emails", 500),
    ]
    .into_iter()
    .map(|(unit, quantity)| (unit.to_owned(), quantity))
    .collect();
    request.activities.push(team);
    let contents = Contents {
        tariff: t.version.to_string(),
        request,
        options: Vec::new(),
        quote: QuoteDetails::default(),
    };
    let text = link::encode(&contents, t);
    assert!(text.starts_with("v=3&"), "{text}");
    assert!(
        text.contains("&call-centre=dedicated.5.0.12000.500&"),
        "{text}"
    );
    let opened = link::decode(&text, bundled()).expect("our link");
    assert_eq!(opened.dropped, []);
    assert_eq!(opened.contents, contents);
    // 186,036,000 a month, as rule 14 works it out in tests/engine.rs.
    let e = estimate(t, &opened.contents.request).expect("prices");
    assert_eq!(e.totals.monthly, "186036000".parse().expect("a decimal"));

    // A format-1 link never carried channels beside a team: extra volumes there are reported
    // and left out, as before, and the agents alone are priced by the rules of format 1.
    let old =
        "v=1&t=2026-11&s=jakarta&k=monthly&c=IDR&l=id&f=30&call-centre=dedicated.5.0.12000.500";
    let opened = link::decode(old, bundled()).expect("recoverable");
    assert!(opened.dropped.contains(&Dropped::ExtraVolumes {
        activity: "call-centre".into()
    }));
    let call = &opened.contents.request.activities[0];
    assert_eq!(
        call.volumes.iter().collect::<Vec<_>>(),
        [(&"agents".to_owned(), &5)]
    );
    assert_eq!(
        opened.contents.request.rules,
        biaya_bpo::estimate::Rules::Format2
    );
}

#[test]
fn a_custom_service_level_travels_in_the_link_and_reopens() {
    use biaya_bpo::staffing::{CentrePlan, Profile, Sizing};
    let t = bundled().latest();
    // A flat 12-hour, 7-day centre with 72,800 calls of 180 s a month: 200 calls, 10 erlangs,
    // every hour. 90 % within 20 s is no preset (80/20, 90/15, 70/30). pyworkforce's published
    // grid (tests/staffing.rs) gives 14 agents 88.8 % and 15 agents 94.1 %: 15 an hour, 15 x 12
    // x 7 = 1,260 agent-hours a week / (40 h x 0.7 after shrinkage) = 45 agents to schedule.
    let custom = Sizing::Centre(CentrePlan {
        calls: 72_800,
        handle_time: 180,
        hours_per_day: 12,
        days_per_week: 7,
        service_level: 90,
        answer_within: 20,
        max_occupancy: 85,
        shrinkage: 30,
        profile: Profile::Flat,
    });
    assert_eq!(custom.volume(), Ok(45));
    let mut request = Request::starter(t);
    let mut team = ActivityRequest::starter(t.activity("call-centre").expect("offered"));
    team.model = "dedicated".into();
    team.volumes = [
        ("agents", 45),
        ("outbound-minutes", 0),
        ("chats", 0),
        ("emails", 0),
    ]
    .into_iter()
    .map(|(unit, quantity)| (unit.to_owned(), quantity))
    .collect();
    team.sizing = Some(custom);
    request.activities.push(team);
    let contents = Contents {
        tariff: t.version.to_string(),
        request,
        options: Vec::new(),
        quote: QuoteDetails::default(),
    };
    let text = link::encode(&contents, t);
    assert!(
        text.contains(
            "&call-centre=dedicated.45&call-centre-traffic=e.72800.180.12.7.90.20.85.30.f&"
        ),
        "{text}"
    );
    let opened = link::decode(&text, bundled()).expect("our link");
    assert_eq!(opened.dropped, []);
    assert_eq!(opened.contents, contents);

    // A target edited by hand beyond what the page accepts (50 to 99 % within 5 to 600 s) is
    // left out with a message, and the 45 agents stand.
    for target in [".100.20.", ".49.20.", ".90.4.", ".90.601."] {
        let edited = text.replacen(".90.20.", target, 1);
        let opened = link::decode(&edited, bundled()).expect("recoverable");
        assert!(
            opened.dropped.contains(&Dropped::Traffic {
                activity: "call-centre".into()
            }),
            "{target}"
        );
        let call = &opened.contents.request.activities[0];
        assert_eq!(
            (call.volumes.get("agents"), call.sizing),
            (Some(&45), None),
            "{target}"
        );
    }
}
