//! nctray's translations: the Fluent catalogues of `locales/<language>/{app,cli,ui}.ftl`, the
//! choice of a language from what a person or their desktop asks for, and the language the
//! whole process speaks now (which may change while it runs).
//!
//! ```
//! use nctray_i18n::{tr, Catalogue, Language, Localizer};
//! let german = Localizer::new(&Language::negotiate(&["de_DE.UTF-8"]), Catalogue::App);
//! let summary = tr!(german, "popup-summary-notifications", count = 2);
//! # let _ = summary;
//! ```

mod catalogue;
mod current;
mod language;
mod localizer;

pub use catalogue::{embedded, Catalogue};
pub use current::{current, localizer, on_change, set_current};
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use language::{Direction, Language};
pub use localizer::Localizer;

/// Looks a message up with named variables: `tr!(loc, "id")` or
/// `tr!(loc, "id", count = 3, name = "Anna")` (the names are the catalogue's `$count`, `$name`).
/// Keep the id a literal: the test `every_id_the_code_looks_up_is_in_english` finds it that way.
#[macro_export]
macro_rules! tr {
    ($loc:expr, $id:literal $(,)?) => {
        $loc.text($id)
    };
    ($loc:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $loc.text_with($id, &args)
    }};
}
