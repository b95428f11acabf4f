//! Pictures where people would rather look than read, drawn as SVG by the page: what each
//! activity adds to the month, and how an activity's bill moves with its volume. Each carries a
//! text alternative. Amounts become coordinates with decimals, as everything else here.
//!
//! A curve is drawn at the width the page gives it, in CSS pixels, once that width is known, so
//! its words show at their CSS size on any screen: a drawing scaled by its viewBox shrank them
//! to 10 px on a phone.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::estimate::{self, Curve, Estimate, Request};
use crate::i18n::{
    ChartTexts, CurvePoint, Lang, Texts, curve_axis, curve_description, format_compact,
    format_count, format_money, mid_sentence,
};
use crate::money::{self, Currency};
use crate::tariff::Tariff;
use crate::ui::Static;

/// The size of a chart's words, in CSS pixels (`.chart text` in more.css).
const TEXT: u64 = 13;
/// The most a character of those words takes, in tenths of a pixel: 0.65 em, as wide as the
/// widest sans-serif digits, so that the room kept for a word is never too short.
const CHAR: u64 = 85;
/// A line of words.
const LINE: u64 = 18;
/// The least room between two words, and between the amounts and the plot.
const GAP: u64 = 8;
/// A drawing narrower than this is scaled down from it rather than squeezed.
const NARROWEST: u64 = 240;

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
/// The words are the page's own, above each bar, so they wrap on a phone. One activity's share of
/// its own bill says nothing: the chart starts with the second.
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
    if estimate.activities.len() < 2 || largest.is_zero() {
        return Html::default();
    }
    let name = |id: &str| {
        tariff
            .activity(id)
            .map_or(id.to_owned(), |a| a.name.get(lang).to_owned())
    };
    html! {
        <figure class="chart" data-testid="chart-contributions">
            <figcaption>{ t.contributions }</figcaption>
            <ul class="shares">
                { for estimate.activities.iter().map(|a| {
                    let fixed = share(a.monthly_fixed, largest, 1000);
                    let variable = share(a.monthly_variable, largest, 1000);
                    let parts = format!(
                        "{} {}, {} {}",
                        labels.fixed,
                        money(a.monthly_fixed),
                        mid_sentence(labels.variable),
                        money(a.monthly_variable)
                    );
                    html! {
                        <li key={a.activity.clone()}>
                            <span class="share-name">{ name(&a.activity) }</span>
                            <span class="share-amount">{ money(a.monthly) }</span>
                            <svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" aria-label={parts}>
                                <rect x="0" y="0" width={fixed.to_string()} height="10" class="fixed" />
                                <rect x={fixed.to_string()} y="0" width={variable.to_string()} height="10" class="variable" />
                                // The two parts are too alike side by side: white between them.
                                if !fixed.is_zero() && !variable.is_zero() {
                                    <line class="gap" x1={fixed.to_string()} x2={fixed.to_string()} y1="0" y2="10" />
                                }
                            </svg>
                        </li>
                    }
                }) }
            </ul>
            <p class="legend">
                <span class="entry"><span class="key fixed"></span>{ labels.fixed }</span>
                <span class="entry"><span class="key variable"></span>{ labels.variable }</span>
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
    // Dedicated seats stay where they are while the other volumes follow the axis.
    let seats = request
        .activities
        .iter()
        .find(|a| a.activity == activity.as_str())
        .and_then(|wanted| {
            let model = tariff.activity(&wanted.activity)?.model(&wanted.model)?;
            Some(model.units.iter().any(|u| {
                u.seat
                    && u.id != model.primary
                    && wanted.volumes.get(&*u.id).is_some_and(|q| *q > 0)
            }))
        })
        .unwrap_or(false);
    match &*drawn {
        Some(curve) => html! {
            <CurvePicture tariff={*tariff} curve={curve.clone()} currency={*currency} lang={*lang}
                fluctuation={request.fluctuation} {seats} />
        },
        None => Html::default(),
    }
}

/// The width the page gives the element, in CSS pixels, once it is laid out, and again whenever
/// it changes (a `ResizeObserver`, told after layout). Measuring after every drawing instead read
/// `clientWidth` in the middle of a keystroke's changes and made the browser lay the page out once
/// per chart (4.9 ms a keystroke on a phone's CPU: docs/performance.md).
#[hook]
fn use_width(element: NodeRef) -> Option<u64> {
    let width = use_state_eq(|| None::<u64>);
    {
        let width = width.clone();
        use_effect_with((), move |()| {
            let observed = element.cast::<web_sys::Element>().and_then(|target| {
                let told = Closure::<dyn FnMut()>::new(move || measure(&element, &width));
                let observer = web_sys::ResizeObserver::new(told.as_ref().unchecked_ref()).ok()?;
                observer.observe(&target);
                Some((observer, told))
            });
            move || {
                if let Some((observer, _told)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}

fn measure(element: &NodeRef, width: &UseStateHandle<Option<u64>>) {
    let measured = element
        .cast::<web_sys::Element>()
        .and_then(|e| u64::try_from(e.client_width()).ok())
        // Not laid out (hidden): keep the width it had.
        .filter(|&w| w > 0);
    if measured.is_some() {
        width.set(measured);
    }
}

#[derive(Properties, PartialEq)]
struct PictureProps {
    tariff: Static<Tariff>,
    curve: Rc<Curve>,
    currency: Currency,
    lang: Lang,
    fluctuation: u32,
    seats: bool,
}

/// The drawing itself: redrawn when its curve or its width is, not on every keystroke before
/// that.
#[component]
fn CurvePicture(props: &PictureProps) -> Html {
    let PictureProps {
        tariff,
        curve,
        currency,
        lang,
        fluctuation,
        seats,
    } = props;
    let (lang, currency) = (*lang, *currency);
    let t = ChartTexts::of(lang);
    let activity = tariff.activity(&curve.activity);
    let name = activity.map_or("", |a| a.name.get(lang));
    let unit = activity.and_then(|a| a.units().find(|u| u.id == curve.unit));
    let noun = unit.map_or("", |u| u.name.get(lang));
    let id = format!("curve-{}", curve.activity);
    let area = use_node_ref();
    let width = use_width(area.clone());
    let money = |amount: Decimal| format_money(amount, currency, lang);
    let at = |volume: u64| curve.points.iter().find(|p| p.volume == volume);
    let x_max = curve.points.last().map_or(1, |p| p.volume.max(1));
    let description = curve_description(
        name,
        noun,
        at(curve.current).map(|p| CurvePoint {
            volume: p.volume,
            outsourced: p.outsourced,
            in_house: p.in_house,
        }),
        curve.break_even,
        curve.band,
        currency,
        lang,
    );
    let drawing = width.map(|width| {
        let layout = Layout::new(curve, width, noun, currency, lang, t);
        html! {
            <svg class="curve" viewBox={format!("0 0 {} {}", layout.width, layout.height)}
                role="img" aria-labelledby={format!("{id}-title {id}-desc")}>
                <title id={format!("{id}-title")}>{ format!("{} — {}", t.curve, name) }</title>
                <desc id={format!("{id}-desc")}>{ description.clone() }</desc>
                { draw(curve, &layout) }
            </svg>
        }
    });

    html! {
        <figure class="chart" data-testid={id.clone()}>
            <figcaption>
                { format!("{} — {}", t.curve, name) }
                <span class="axis-note">{ curve_axis(noun, *seats, lang) }</span>
            </figcaption>
            <div class="drawing" ref={area}>{ for drawing }</div>
            <p class="legend">
                <span class="entry"><span class="key outsourced"></span>{ t.outsourced }</span>
                <span class="entry"><span class="key in-house"></span>{ t.in_house }</span>
                <span class="entry"><span class="key band"></span>{ format!("{} ±{}%", t.band, fluctuation) }</span>
                <span class="entry"><span class="key tier"></span>{ t.tier }</span>
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

/// A word of the drawing: what it says, where its middle and its baseline are, in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    text: String,
    middle: u64,
    baseline: u64,
    /// Its left and right edges at most: the room kept for it.
    from: u64,
    to: u64,
}

impl Word {
    /// `text` centred on `at` where it fits, moved inwards where it would pass `low` or `high`.
    fn at(text: String, at: u64, low: u64, high: u64, baseline: u64) -> Self {
        let width = extent(&text);
        let from = at
            .saturating_sub(width / 2)
            .min(high.saturating_sub(width))
            .max(low);
        Self {
            text,
            middle: from + width / 2,
            baseline,
            from,
            to: from + width,
        }
    }

    /// Whether the two are on the same line and nearer than `GAP`.
    fn crowds(&self, other: &Self) -> bool {
        self.baseline == other.baseline && self.from < other.to + GAP && other.from < self.to + GAP
    }
}

/// The most a word takes across, in whole pixels.
fn extent(text: &str) -> u64 {
    let chars = u64::try_from(text.chars().count()).unwrap_or(u64::MAX / CHAR);
    (chars * CHAR).div_ceil(10)
}

/// Where everything of a curve goes in a drawing `width` pixels wide: the amounts left of the
/// plot, the labels of today's volume and of the break-even above it, so that no word sits on a
/// curve, and the volumes and the unit below it.
struct Layout {
    width: u64,
    left: u64,
    right: u64,
    top: u64,
    bottom: u64,
    height: u64,
    /// The largest amount of the plot's height.
    y_max: Decimal,
    x_max: u64,
    amounts: Vec<(Decimal, Word)>,
    volumes: Vec<Word>,
    labels: Vec<Word>,
    unit: Word,
}

impl Layout {
    fn new(
        curve: &Curve,
        width: u64,
        noun: &str,
        currency: Currency,
        lang: Lang,
        t: &ChartTexts,
    ) -> Self {
        let width = width.max(NARROWEST);
        let x_max = curve.points.last().map_or(1, |p| p.volume.max(1));
        let top_amount = curve
            .points
            .iter()
            .map(|p| p.outsourced.max(p.in_house))
            .max()
            .unwrap_or_default();
        let y_max = money::mul(top_amount, Decimal::new(11, 1))
            .unwrap_or(top_amount)
            .max(Decimal::ONE);
        let ticks = [
            Decimal::ZERO,
            money::div(top_amount, Decimal::TWO).unwrap_or(top_amount),
            top_amount,
        ];
        let amounts: Vec<(Decimal, String)> = ticks
            .into_iter()
            .map(|v| (v, format_compact(v, currency, lang)))
            .collect();
        let left = amounts
            .iter()
            .map(|(_, text)| extent(text))
            .max()
            .unwrap_or_default()
            + GAP;
        // Room for the break-even's ring (5 px and its stroke) where it is the axis' last volume.
        let right = width - 8;
        let x = |volume: u64| x_at(volume, x_max, left, right) / 10;

        // Above the plot: today's volume on the line nearest to it, the break-even beside it, or
        // on the line above where the two would crowd each other. Lines are counted from the
        // plot up until the plot's top is known.
        let now = Word::at(t.now.to_owned(), x(curve.current), 0, width, 0);
        let even = curve.break_even.map(|volume| {
            let text = format!("{} {}", t.break_even, format_count(volume, lang));
            let beside = Word::at(text.clone(), x(volume), 0, width, 0);
            if beside.crowds(&now) {
                Word::at(text, x(volume), 0, width, 1)
            } else {
                beside
            }
        });
        let mut labels: Vec<Word> = std::iter::once(now).chain(even).collect();
        let lines = labels.iter().map(|w| w.baseline + 1).max().unwrap_or(1);
        let top = lines * LINE + 6;
        for word in &mut labels {
            word.baseline = top - 6 - word.baseline * LINE;
        }
        let bottom = top + (width * 45 / 100).clamp(150, 240);

        // Below: today's volume first, then the ends of the axis where they do not crowd it.
        let mut volumes: Vec<Word> = Vec::new();
        for volume in [curve.current, 0, x_max] {
            let word = Word::at(
                format_count(volume, lang),
                x(volume),
                0,
                width,
                bottom + LINE,
            );
            if !volumes
                .iter()
                .any(|w| w.crowds(&word) || w.text == word.text)
            {
                volumes.push(word);
            }
        }
        let unit = Word::at(noun.to_owned(), width, 0, width, bottom + 2 * LINE);
        let amounts = amounts
            .into_iter()
            .map(|(v, text)| {
                let width = extent(&text);
                (
                    v,
                    Word {
                        text,
                        middle: left - GAP - width / 2,
                        baseline: 0,
                        from: left - GAP - width,
                        to: left - GAP,
                    },
                )
            })
            .collect();
        Self {
            width,
            left,
            right,
            top,
            bottom,
            height: bottom + 2 * LINE + TEXT / 2,
            y_max,
            x_max,
            amounts,
            volumes,
            labels,
            unit,
        }
    }
}

/// A volume's place on the axis, in tenths of a pixel. The product needs 128 bits; the place,
/// at most `right`, does not.
fn x_at(volume: u64, x_max: u64, left: u64, right: u64) -> u64 {
    let span = u128::from(right - left) * u128::from(volume.min(x_max));
    u64::try_from(u128::from(left) * 10 + span * 10 / u128::from(x_max.max(1)))
        .unwrap_or(right * 10)
}

/// A length in tenths of a unit, written for SVG: 1234 is "123.4".
fn tenths(length: u64) -> String {
    format!("{}.{}", length / 10, length % 10)
}

fn draw(curve: &Curve, layout: &Layout) -> Html {
    let Layout {
        left,
        right,
        top,
        bottom,
        y_max,
        x_max,
        ..
    } = layout;
    let (left, right, top, bottom, x_max) = (*left, *right, *top, *bottom, *x_max);
    let x_tenths = |volume: u64| x_at(volume, x_max, left, right);
    let x = |volume: u64| tenths(x_tenths(volume));
    let y = |amount: Decimal| -> Decimal {
        // A share of the height is at most the height: the difference cannot fail.
        money::sub(Decimal::from(bottom), share(amount, *y_max, bottom - top)).unwrap_or_default()
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
    let (band_low, band_high) = curve.band;
    let even = curve
        .break_even
        .and_then(|v| curve.points.iter().find(|p| p.volume == v));
    let word = |class: &'static str, w: &Word| {
        html! {
            <text class={class} x={w.middle.to_string()} y={w.baseline.to_string()} text-anchor="middle">{ w.text.clone() }</text>
        }
    };
    html! {
        <>
            <rect class="band" x={x(band_low)} y={top.to_string()}
                width={tenths(x_tenths(band_high).saturating_sub(x_tenths(band_low)))} height={(bottom - top).to_string()} />
            { for curve.breakpoints.iter().map(|&b| html! {
                <line class="tier" x1={x(b)} x2={x(b)} y1={top.to_string()} y2={bottom.to_string()} />
            }) }
            <line class="axis" x1={left.to_string()} x2={right.to_string()} y1={bottom.to_string()} y2={bottom.to_string()} />
            <line class="axis" x1={left.to_string()} x2={left.to_string()} y1={top.to_string()} y2={bottom.to_string()} />
            { for layout.amounts.iter().map(|(v, w)| {
                // Its baseline a third of the words' height under the amount's level: centred on it.
                let baseline = money::add(y(*v), Decimal::from(TEXT / 3)).unwrap_or_default();
                html! {
                    <text class="tick" x={w.to.to_string()} y={baseline.to_string()} text-anchor="end">{ w.text.clone() }</text>
                }
            }) }
            { for layout.volumes.iter().map(|w| word("tick", w)) }
            <path class="in-house" d={path(|p| p.in_house, true)} />
            <path class="outsourced" d={path(|p| p.outsourced, false)} />
            <line class="now" x1={x(curve.current)} x2={x(curve.current)} y1={top.to_string()} y2={bottom.to_string()} />
            if let Some(point) = even {
                <line class="guide" x1={x(point.volume)} x2={x(point.volume)} y1={top.to_string()} y2={y(point.outsourced).to_string()} />
                <circle class="even" cx={x(point.volume)} cy={y(point.outsourced).to_string()} r="5" />
            }
            { for layout.labels.iter().map(|w| word("note", w)) }
            { word("tick", &layout.unit) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;
    use crate::estimate::Point;

    /// A call centre's curve at 45,000 minutes: IDR 26,362,500 with no volume, IDR 163,447,500
    /// today, IDR 400,546,400 in-house at 90,000.
    fn call_centre(current: u64, break_even: Option<u64>) -> Curve {
        let point = |volume, outsourced, in_house| Point {
            volume,
            outsourced,
            in_house,
        };
        Curve {
            activity: "call-centre".into(),
            unit: "minutes".into(),
            current,
            points: vec![
                point(0, dec!(26362500), dec!(0)),
                point(3750, dec!(26362500), dec!(26703093)),
                point(45000, dec!(163447500), dec!(200273200)),
                point(90000, dec!(315295500), dec!(400546400)),
            ],
            breakpoints: vec![20001],
            break_even,
            band: (31500, 58500),
        }
    }

    fn layout(curve: &Curve, width: u64, lang: Lang) -> Layout {
        let noun = "Inbound voice minutes";
        Layout::new(
            curve,
            width,
            noun,
            Currency::Idr,
            lang,
            ChartTexts::of(lang),
        )
    }

    #[test]
    fn the_amounts_have_their_room_left_of_the_plot() {
        // 401M = 400,546,400 × 1: the largest amount. "IDR 401M" is 8 characters of at most
        // 8.5 px, 68 px, and 8 px more before the plot; "Rp 401 jt", 9 of them: 77 + 8.
        let curve = call_centre(45000, Some(3750));
        let en = layout(&curve, 325, Lang::En);
        let texts: Vec<&str> = en.amounts.iter().map(|(_, w)| w.text.as_str()).collect();
        assert_eq!(texts, ["IDR 0", "IDR 200M", "IDR 401M"]);
        assert_eq!(en.left, 76);
        assert_eq!(layout(&curve, 325, Lang::Id).left, 85);
    }

    #[test]
    fn today_and_the_break_even_share_a_line_where_they_are_apart() {
        // At 325 px the plot runs from 76 to 317: 3,750 minutes of 90,000 is 10 px in, 45,000
        // is half of it, 120.5 px in. The two labels are 110 px apart: one line, 18 px high,
        // and 6 more above the plot.
        let lines = |break_even| {
            let drawn = layout(&call_centre(45000, Some(break_even)), 325, Lang::En);
            let labels: Vec<(String, u64)> = drawn
                .labels
                .iter()
                .map(|w| (w.text.clone(), w.baseline))
                .collect();
            (labels, drawn.top)
        };
        let (labels, top) = lines(3750);
        assert_eq!(
            labels,
            [("now".into(), 18), ("break-even 3,750".into(), 18)]
        );
        assert_eq!(top, 24);
        // Where the two are the same volume, the break-even goes a line higher.
        let (labels, top) = lines(45000);
        assert_eq!(
            labels,
            [("now".into(), 36), ("break-even 45,000".into(), 18)]
        );
        assert_eq!(top, 42);
    }

    #[test]
    fn with_no_volume_yet_the_axis_says_zero_once() {
        let mut curve = call_centre(0, None);
        curve.points.retain(|p| p.volume <= 45000);
        let volumes: Vec<String> = layout(&curve, 325, Lang::En)
            .volumes
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(volumes, ["0", "45,000"]);
    }

    #[test]
    fn no_two_words_crowd_each_other_or_leave_the_drawing_at_any_width() {
        for width in (200..=900).step_by(25) {
            for lang in [Lang::Id, Lang::En] {
                for (current, even) in [(45000, Some(3750)), (45000, Some(45000)), (0, None)] {
                    let curve = call_centre(current, even);
                    let l = layout(&curve, width, lang);
                    let mut words: Vec<&Word> = l.labels.iter().chain(&l.volumes).collect();
                    words.push(&l.unit);
                    for (i, a) in words.iter().enumerate() {
                        assert!(a.to <= width.max(NARROWEST), "{width} {lang:?}: {a:?}");
                        for b in &words[i + 1..] {
                            assert!(!a.crowds(b), "{width} {lang:?}: {a:?} / {b:?}");
                        }
                    }
                    // Above the plot, below it, or left of it: never on it.
                    assert!(l.labels.iter().all(|w| w.baseline < l.top));
                    assert!(l.volumes.iter().all(|w| w.baseline > l.bottom + TEXT / 2));
                    assert!(l.amounts.iter().all(|(_, w)| w.to < l.left));
                }
            }
        }
    }
}
