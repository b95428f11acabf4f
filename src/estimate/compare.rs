//! The same request priced every other way a buyer might choose: at every site of the tariff,
//! on every contract term, and each activity at the sites that can deliver it. Each row is
//! exactly the estimate of that variant, so choosing it on the page gives its figures.

use rust_decimal::Decimal;

use super::{Estimate, EstimateError, Request, estimate};
use crate::money;
use crate::tariff::Tariff;

/// A variant's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub monthly: Decimal,
    pub one_time: Decimal,
    pub first_year: Decimal,
    pub contract: Decimal,
    /// In-house monthly minus outsourced monthly.
    pub saving: Decimal,
}

impl Figures {
    fn of(estimate: &Estimate) -> Self {
        Self {
            monthly: estimate.totals.monthly,
            one_time: estimate.totals.one_time,
            first_year: estimate.totals.first_year,
            contract: estimate.totals.contract,
            saving: estimate.saving.monthly,
        }
    }
}

/// What would let a site take a request it cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Serve the customers in another language the site speaks.
    ServiceLanguage { language: String },
    /// Deliver an activity the site cannot from another site that can, the cheapest.
    ActivityElsewhere { activity: String, site: String },
}

/// A site that cannot take the request: why (every problem, each as the one before is fixed),
/// what would make it possible (a change per problem, in order; none where nothing would), and
/// the figures then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub problems: Vec<EstimateError>,
    pub fixes: Vec<Fix>,
    /// The figures once the fixes are made.
    pub fixed: Option<Figures>,
}

/// One site's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteRow {
    pub site: String,
    pub figures: Result<Figures, Blocked>,
}

/// One term's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRow {
    pub term: String,
    pub months: u32,
    pub discount: Decimal,
    pub figures: Figures,
    /// The contract total spread over its months: what a month costs with the one-time charges
    /// counted in.
    pub effective_monthly: Decimal,
}

/// The cheapest site for one activity on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivitySite {
    pub activity: String,
    /// The site and the activity's monthly there; `None` where no site can deliver it.
    pub cheapest: Option<(String, Decimal)>,
}

/// The request at every site of the tariff, in the tariff's order.
#[must_use]
pub fn sites(tariff: &Tariff, request: &Request) -> Vec<SiteRow> {
    tariff
        .sites
        .iter()
        .map(|site| {
            let mut at = request.clone();
            at.site = site.id.to_string();
            let figures =
                estimate(tariff, &at)
                    .map(|e| Figures::of(&e))
                    .map_err(|error| match fixes(tariff, &at, &error) {
                        Some((problems, fixes, priced)) => Blocked {
                            problems,
                            fixes,
                            fixed: Some(Figures::of(&priced)),
                        },
                        None => Blocked {
                            problems: vec![error],
                            fixes: Vec::new(),
                            fixed: None,
                        },
                    });
            SiteRow {
                site: site.id.to_string(),
                figures,
            }
        })
        .collect()
}

/// The request with a fix made.
#[must_use]
pub fn fixed(request: &Request, fix: &Fix) -> Request {
    let mut fixed = request.clone();
    match fix {
        Fix::ServiceLanguage { language } => fixed.service_language.clone_from(language),
        Fix::ActivityElsewhere { activity, site } => {
            for wanted in fixed
                .activities
                .iter_mut()
                .filter(|a| a.activity == *activity)
            {
                wanted.site = Some(site.clone());
            }
        }
    }
    fixed
}

/// What would let the request be priced, one change per problem as each comes to light: another
/// language the site speaks, an activity it cannot deliver from the cheapest site that can. The
/// problems, the changes and the estimate once they are made; `None` where they would not do.
fn fixes(
    tariff: &Tariff,
    request: &Request,
    error: &EstimateError,
) -> Option<(Vec<EstimateError>, Vec<Fix>, Estimate)> {
    let mut problems = vec![error.clone()];
    let mut made = Vec::new();
    let mut request = request.clone();
    let mut error = error.clone();
    // Each change settles a language or an activity for good: there are no more problems than
    // activities, and one language.
    for _ in 0..=request.activities.len() {
        let next = match &error {
            EstimateError::LanguageNotServed { site, .. } => Fix::ServiceLanguage {
                language: tariff.site(site)?.languages.first()?.to_string(),
            },
            EstimateError::SiteUnavailable { activity, .. } => Fix::ActivityElsewhere {
                activity: activity.clone(),
                site: cheapest_site(tariff, &request, activity)?.0,
            },
            _ => return None,
        };
        request = fixed(&request, &next);
        made.push(next);
        match estimate(tariff, &request) {
            Ok(priced) => return Some((problems, made, priced)),
            Err(again) => {
                problems.push(again.clone());
                error = again;
            }
        }
    }
    None
}

/// The request on every term of the tariff, in the tariff's order.
#[must_use]
pub fn terms(tariff: &Tariff, request: &Request) -> Vec<TermRow> {
    tariff
        .terms
        .iter()
        .filter_map(|term| {
            let mut on = request.clone();
            on.term = term.id.to_string();
            let priced = estimate(tariff, &on).ok()?;
            let effective = money::div(priced.totals.contract, Decimal::from(term.months))
                .ok()
                .map(|m| priced.currency.round(m))?;
            Some(TermRow {
                term: term.id.to_string(),
                months: term.months,
                discount: term.discount,
                figures: Figures::of(&priced),
                effective_monthly: effective,
            })
        })
        .collect()
}

/// Each activity of the request alone at every site that can deliver it: the cheapest.
#[must_use]
pub fn activity_sites(tariff: &Tariff, request: &Request) -> Vec<ActivitySite> {
    request
        .activities
        .iter()
        .map(|wanted| ActivitySite {
            activity: wanted.activity.clone(),
            cheapest: cheapest_site(tariff, request, &wanted.activity),
        })
        .collect()
}

/// The site where `activity` alone costs least a month, first in the tariff's order on a tie.
fn cheapest_site(tariff: &Tariff, request: &Request, activity: &str) -> Option<(String, Decimal)> {
    let wanted = request.activities.iter().find(|a| a.activity == activity)?;
    let mut best: Option<(String, Decimal)> = None;
    for site in tariff.sites.iter() {
        let mut alone = request.clone();
        alone.activities = vec![wanted.clone()];
        alone.activities[0].site = Some(site.id.to_string());
        let Ok(priced) = estimate(tariff, &alone) else {
            continue;
        };
        let monthly = priced.totals.monthly;
        if best.as_ref().is_none_or(|(_, least)| monthly < *least) {
            best = Some((site.id.to_string(), monthly));
        }
    }
    best
}
