//! Pictures where people would rather look than read, drawn as SVG by the page: what each
//! activity adds to the month, and how an activity's bill moves with its volume. Each carries a
//! text alternative. Coordinates are computed with decimals, as everything else here.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::estimate::{self, Curve, Estimate, Request};
use crate::i18n::{
    ChartTexts, CurvePoint, Lang, Texts, curve_description, format_compact, format_count,
    format_money, mid_sentence,
};
use crate::money::{self, Currency};
use crate::tariff::Tariff;
use crate::ui::Static;

/// Drawing area of the curve, in SVG units.
const LEFT: u64 = 96;
const RIGHT: u64 = 620;
const TOP: u64 = 16;
const BOTTOM: u64 = 240;

/// `part / whole` of `span` units, one decimal, for a coordinate; nothing where the share cannot
/// be computed (no whole).
pub(super) fn share(part: Decimal, whole: Decimal, span: u64) -> Decimal {
    money::div(part, whole)
        .and_then(|f| money::mul(f, Decimal::from(span)))
        .map_or(Decimal::ZERO, |d| money::round(d, 1))
}

#[derive(Properties, PartialEq)]
pub struct ContributionProps {
    pub tariff: Static<Tariff>,
    pub estimate: Rc<Estimate>,
    pub lang: Lang,
}

/// One bar per activity: its fixed part dark, its variable part light, scaled to the largest.
#[component]
pub fn ContributionChart(props: &ContributionProps) -> Html {
    let ContributionProps {
        tariff,
        estimate,
        lang,
    } = props;
    let (lang, t) = (*lang, ChartTexts::of(*lang));
    let labels = Texts::of(lang);
    let money = |amount: Decimal| format_money(amount, estimate.currency, lang);
    let largest = estimate
        .activities
        .iter()
        .map(|a| a.monthly)
        .max()
        .unwrap_or_default();
    if estimate.activities.is_empty() || largest.is_zero() {
        return Html::default();
    }
    let row = 58;
    let height = row * estimate.activities.len() + 8;
    let name = |id: &str| {
        tariff
            .activity(id)
            .map_or(id.to_owned(), |a| a.name.get(lang).to_owned())
    };
    let description: Vec<String> = estimate
        .activities
        .iter()
        .map(|a| {
            format!(
                "{}: {} ({} {}, {} {})",
                name(&a.activity),
                money(a.monthly),
                mid_sentence(labels.fixed),
                money(a.monthly_fixed),
                mid_sentence(labels.variable),
                money(a.monthly_variable)
            )
        })
        .collect();
    html! {
        <figure class="chart" data-testid="chart-contributions">
            <figcaption>{ t.contributions }</figcaption>
            <svg viewBox={format!("0 0 640 {height}")} role="img" aria-labelledby="contrib-title contrib-desc">
                <title id="contrib-title">{ t.contributions }</title>
                <desc id="contrib-desc">{ description.join("; ") }</desc>
                { for estimate.activities.iter().enumerate().map(|(i, a)| {
                    let y = i * row;
                    let fixed = share(a.monthly_fixed, largest, 620);
                    let variable = share(a.monthly_variable, largest, 620);
                    html! {
                        <g key={a.activity.clone()}>
                            <text x="0" y={(y + 20).to_string()} class="label">
                                { format!("{} · {}", name(&a.activity), money(a.monthly)) }
                            </text>
                            <rect x="0" y={(y + 28).to_string()} width={fixed.to_string()} height="22" class="fixed" />
                            <rect x={fixed.to_string()} y={(y + 28).to_string()} width={variable.to_string()} height="22" class="variable" />
                        </g>
                    }
                }) }
            </svg>
            <p class="legend">
                <span class="key fixed"></span>{ labels.fixed }
                <span class="key variable"></span>{ labels.variable }
            </p>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct CurveProps {
    pub tariff: Static<Tariff>,
    pub request: Request,
    pub activity: AttrValue,
    pub currency: Currency,
    pub lang: Lang,
}

/// The outsourced monthly cost from no volume to twice the volume asked for, the in-house cost
/// beside it, the price bands, the break-even volume, today's volume and its fluctuation band.
#[component]
pub fn CurveChart(props: &CurveProps) -> Html {
    let CurveProps {
        tariff,
        request,
        activity,
        currency,
        lang,
    } = props;
    // Some thirty pricings: drawn in the task after the totals, so a keystroke's figures come
    // first and the picture follows.
    let drawn = use_state(|| None::<Rc<Curve>>);
    {
        let drawn = drawn.clone();
        use_effect_with(
            (*tariff, request.clone(), activity.clone()),
            move |(tariff, request, activity)| {
                let (tariff, request, activity) = (*tariff, request.clone(), activity.clone());
                let later = Timeout::new(0, move || {
                    drawn.set(
                        estimate::curve(tariff.0, &request, &activity)
                            .ok()
                            .map(Rc::new),
                    );
                });
                move || drop(later)
            },
        );
    }
    match &*drawn {
        Some(curve) => html! {
            <CurvePicture tariff={*tariff} curve={curve.clone()} currency={*currency} lang={*lang}
                fluctuation={request.fluctuation} />
        },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct PictureProps {
    tariff: Static<Tariff>,
    curve: Rc<Curve>,
    currency: Currency,
    lang: Lang,
    fluctuation: u32,
}

/// The drawing itself: redrawn when its curve is, not on every keystroke before that.
#[component]
fn CurvePicture(props: &PictureProps) -> Html {
    let PictureProps {
        tariff,
        curve,
        currency,
        lang,
        fluctuation,
    } = props;
    let (lang, currency) = (*lang, *currency);
    let t = ChartTexts::of(lang);
    let activity = tariff.activity(&curve.activity);
    let name = activity.map_or("", |a| a.name.get(lang));
    let noun = activity
        .and_then(|a| a.units().find(|u| u.id == curve.unit))
        .map_or("", |u| u.name.get(lang));
    let id = format!("curve-{}", curve.activity);

    let Some(last) = curve.points.last() else {
        return Html::default();
    };
    let x_max = last.volume.max(1);
    let top = curve
        .points
        .iter()
        .map(|p| p.outsourced.max(p.in_house))
        .max()
        .unwrap_or_default();
    let y_max = money::mul(top, Decimal::new(11, 1))
        .unwrap_or(top)
        .max(Decimal::ONE);
    // Positions in tenths of a unit, without a float. The product needs 128 bits; the position,
    // at most RIGHT, does not.
    let x_tenths = |volume: u64| -> u64 {
        let span = u128::from(RIGHT - LEFT) * u128::from(volume.min(x_max));
        u64::try_from(u128::from(LEFT) * 10 + span * 10 / u128::from(x_max)).unwrap_or(RIGHT * 10)
    };
    let x = |volume: u64| tenths(x_tenths(volume));
    let y = |amount: Decimal| -> String {
        // A share of the height is at most the height: the difference cannot fail.
        money::sub(Decimal::from(BOTTOM), share(amount, y_max, BOTTOM - TOP))
            .unwrap_or_default()
            .to_string()
    };
    let path = |pick: fn(&estimate::Point) -> Decimal, steps: bool| -> String {
        let mut d = String::new();
        let mut previous: Option<&estimate::Point> = None;
        for point in &curve.points {
            match previous {
                None => d.push_str(&format!("M{},{}", x(point.volume), y(pick(point)))),
                Some(p) if steps => d.push_str(&format!(
                    " L{},{} L{},{}",
                    x(point.volume),
                    y(pick(p)),
                    x(point.volume),
                    y(pick(point))
                )),
                Some(_) => d.push_str(&format!(" L{},{}", x(point.volume), y(pick(point)))),
            }
            previous = Some(point);
        }
        d
    };
    let at = |volume: u64| curve.points.iter().find(|p| p.volume == volume);
    let money = |amount: Decimal| format_money(amount, currency, lang);
    let current = at(curve.current);
    let description = curve_description(
        name,
        noun,
        current.map(|p| CurvePoint {
            volume: p.volume,
            outsourced: p.outsourced,
            in_house: p.in_house,
        }),
        curve.break_even,
        curve.band,
        currency,
        lang,
    );
    let (band_low, band_high) = curve.band;

    html! {
        <figure class="chart" data-testid={id.clone()}>
            <figcaption>{ format!("{} — {}", t.curve, name) }</figcaption>
            <svg viewBox="0 0 640 290" role="img" aria-labelledby={format!("{id}-title {id}-desc")}>
                <title id={format!("{id}-title")}>{ format!("{} — {}", t.curve, name) }</title>
                <desc id={format!("{id}-desc")}>{ description }</desc>
                <rect class="band" x={x(band_low)} y={TOP.to_string()}
                    width={tenths(x_tenths(band_high).saturating_sub(x_tenths(band_low)))} height={(BOTTOM - TOP).to_string()} />
                { for curve.breakpoints.iter().map(|&b| html! {
                    <line class="tier" x1={x(b)} x2={x(b)} y1={TOP.to_string()} y2={BOTTOM.to_string()} />
                }) }
                <line class="axis" x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={BOTTOM.to_string()} y2={BOTTOM.to_string()} />
                <line class="axis" x1={LEFT.to_string()} x2={LEFT.to_string()} y1={TOP.to_string()} y2={BOTTOM.to_string()} />
                { for [Decimal::ZERO, money::div(top, Decimal::TWO).unwrap_or(top), top].into_iter().map(|v| html! {
                    <text class="tick" x={(LEFT - 6).to_string()} y={y(v)} text-anchor="end">{ format_compact(v, currency, lang) }</text>
                }) }
                { for [0, curve.current, x_max].into_iter().map(|v| html! {
                    <text class="tick" x={x(v)} y={(BOTTOM + 16).to_string()} text-anchor="middle">{ format_count(v, lang) }</text>
                }) }
                <path class="in-house" d={path(|p| p.in_house, true)} />
                <path class="outsourced" d={path(|p| p.outsourced, false)} />
                <line class="now" x1={x(curve.current)} x2={x(curve.current)} y1={TOP.to_string()} y2={BOTTOM.to_string()} />
                <text class="note" x={x(curve.current)} y={(TOP + 10).to_string()} text-anchor="middle">{ t.now }</text>
                if let Some(point) = curve.break_even.and_then(at) {
                    <circle class="even" cx={x(point.volume)} cy={y(point.outsourced)} r="5" />
                    <text class="note" x={x(point.volume)} y={y(money::div(top, Decimal::TEN).and_then(|lift| money::add(point.outsourced, lift)).unwrap_or(point.outsourced))}
                        text-anchor={edge_anchor(point.volume, x_max)}>{ t.break_even }</text>
                }
                <text class="tick" x={RIGHT.to_string()} y="284" text-anchor="end">{ noun }</text>
            </svg>
            <p class="legend">
                <span class="key outsourced"></span>{ t.outsourced }
                <span class="key in-house"></span>{ t.in_house }
                <span class="key band"></span>{ format!("{} ±{}%", t.band, fluctuation) }
                <span class="key tier"></span>{ t.tier }
            </p>
            <details class="data">
                <summary>{ t.data }</summary>
                <table class="lines">
                    <thead><tr>
                        <th scope="col">{ format!("{} ({noun})", t.volume) }</th>
                        <th scope="col">{ t.outsourced }</th>
                        <th scope="col">{ t.in_house }</th>
                    </tr></thead>
                    <tbody>
                        { for curve.points.iter().filter(|p| p.volume % (x_max / 4).max(1) == 0 || p.volume == curve.current
                            || Some(p.volume) == curve.break_even).map(|p| html! {
                            <tr>
                                <th scope="row">{ format_count(p.volume, lang) }</th>
                                <td>{ money(p.outsourced) }</td>
                                <td>{ money(p.in_house) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// Labels near an end of the axis lean inwards, so they are not cut off.
fn edge_anchor(volume: u64, x_max: u64) -> &'static str {
    let at = u128::from(volume) * 10 / u128::from(x_max.max(1));
    match at {
        0 | 1 => "start",
        9 | 10 => "end",
        _ => "middle",
    }
}

/// A length in tenths of a unit, written for SVG: 1234 is "123.4".
fn tenths(length: u64) -> String {
    format!("{}.{}", length / 10, length % 10)
}
