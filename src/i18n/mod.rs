//! The visitor's language: Indonesian or English texts and number formats. The engine never
//! formats; the page and the quote tool do it through here. Every text is written here, both
//! languages side by side.

/// A struct of fixed texts and its two instances, each text written in both languages side by
/// side: a text without its translation does not compile. A field's type is `&'static str`
/// unless given. It expands to the two constants and a `match`, so it costs nothing at run time.
macro_rules! texts {
    (@type) => { &'static str };
    (@type $ty:ty) => { $ty };
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$doc:meta])* $field:ident $(: $ty:ty)? => $id:expr, $en:expr; )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$doc])* pub $field: texts!(@type $($ty)?), )*
        }

        impl $name {
            const ID: Self = Self { $( $field: $id, )* };
            const EN: Self = Self { $( $field: $en, )* };

            /// The texts in `lang`.
            #[must_use]
            pub fn of(lang: $crate::i18n::Lang) -> &'static Self {
                match lang {
                    $crate::i18n::Lang::Id => &Self::ID,
                    $crate::i18n::Lang::En => &Self::EN,
                }
            }
        }
    };
}

/// A sentence in the page's language, both written side by side on one line each: `say!(lang,
/// "Berlaku sampai {until}.", "Valid until {until}.")`. Each is a `format!` string, so a
/// sentence missing its translation, or a name missing from one of them, does not compile.
macro_rules! say {
    ($lang:expr, $id:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Id => format!($id),
            $crate::i18n::Lang::En => format!($en),
        }
    };
}

mod approval;
mod charts;
mod compare;
mod console;
mod describe;
mod document;
mod format;
mod links;
mod messages;
mod method;
mod options;
mod page;
mod share;
mod standing;
mod traffic;

pub use crate::lang::Lang;
pub use approval::{
    ApprovalTexts, approval_needed, approval_refusal, approval_request_message,
    approval_request_reading, approval_requested, approve_label, approved_cell, approved_elsewhere,
    approved_message, discount_limit_with_approval, record_approval,
};
pub use charts::{ChartTexts, CurvePoint, curve_axis, curve_description};
pub use compare::{
    CompareTexts, FixWords, Period, both, default_figure, fix_action, fixed_price, saving_cell,
    saving_sentence,
};
pub use console::{
    ConsoleTexts, acceptance_finding, acceptance_record, accepted_cell, already_option,
    discount_limit, discount_over_limit, key_loaded, key_problem_mismatch, key_problem_not_yet,
    key_problem_revoked, key_problem_unknown, note_help, quotation_issued, quotation_message,
    refusal, revise_label, team_imported, until_too_late,
};
pub use describe::{
    BreakdownTexts, line_detail, line_title, quoted_activity, quoted_settings, tariff_edition,
};
pub use document::{
    CsvTexts, PrintTexts, contract_total, estimate_validity, opening, validity, written_validity,
};
pub use format::{
    format_compact, format_count, format_date, format_money, format_number, format_percent,
    format_unit_cost, format_unit_price, mid_sentence,
};
pub use links::{link_error, link_problem, times_over};
pub use messages::{estimate_error, problem, quantity_error};
pub use method::{
    MethodTexts, activity_prices, exchange_assumption, in_house_role, minimum_wage_assumption,
    service_hours, site_assumption, unit_prices, vat_assumption,
};
pub use options::{
    OptionTexts, accept_option, option_difference, option_name, option_of, options_title,
    see_option, viewing_option,
};
pub use page::{
    DeferredTexts, PrerenderTexts, Texts, currency_name, email_subject, language_name,
    option_replaced, page_title, site_choice, site_effect, term_choice, unavailable, vat_basis,
};
pub use share::{ShareTexts, accept_message, ask_again_message, ask_sales_message, share_message};
pub use standing::{
    SignatureTexts, StandingTexts, approver_line, newer_revision, open_revision, revision_line,
    standing_heading, standing_sentence, standing_signed,
};
pub use traffic::{
    SizingFigures, TrafficTexts, both_cover, busiest_hour, calls_only, minutes_from_calls,
    scheduled_agents, service_level, sizing_arithmetic, staffing_error, target_bounds,
};
