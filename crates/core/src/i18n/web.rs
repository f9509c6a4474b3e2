//! Browser side of the platform data: `Intl` already carries the IANA
//! time-zone database and CLDR plural rules, so the wasm ships neither.
//! `native.rs` is the publisher's counterpart; tests/i18n.rs checks both
//! give the same answers.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::{Locale, Plural};

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, bound here because js-sys's constructor does
    /// not catch: an unknown `timeZone` throws a RangeError, which must
    /// become `None`, not a trap.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type ZoneFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<ZoneFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = formatToParts)]
    fn format_to_parts(this: &ZoneFormat, date: &Date) -> Array;
}

thread_local! {
    static ZONES: RefCell<HashMap<String, Option<ZoneFormat>>> = RefCell::new(HashMap::new());
    static RULES: RefCell<Vec<(Locale, Intl::PluralRules)>> = const { RefCell::new(Vec::new()) };
}

/// Numeric civil fields in `zone`, Gregorian, Latin digits, 00–23 hours.
fn zone_format(zone: &str) -> Option<ZoneFormat> {
    let options = Object::new();
    let set = |k: &str, v: &str| Reflect::set(&options, &k.into(), &v.into()).is_ok();
    let fields = ["year", "month", "day", "hour", "minute", "second"];
    let ok = set("timeZone", zone) && set("hourCycle", "h23") && fields.iter().all(|f| set(f, "numeric"));
    ok.then(|| ZoneFormat::new("en-US-u-ca-gregory-nu-latn", &options).ok())
        .flatten()
}

/// The zone's UTC offset in minutes at `unix` seconds: the civil time Intl
/// shows there, minus the instant. `None` for a zone Intl does not know.
pub fn zone_offset(zone: &str, unix: i64) -> Option<i32> {
    let format = ZONES.with(|z| {
        z.borrow_mut()
            .entry(zone.to_string())
            .or_insert_with(|| zone_format(zone))
            .clone()
    })?;
    let parts = format.format_to_parts(&Date::new(&JsValue::from_f64(unix as f64 * 1000.0)));
    let mut civil = [0i64; 6];
    for part in parts.iter() {
        let field = |k: &str| Reflect::get(&part, &k.into()).ok().and_then(|v| v.as_string());
        let (Some(kind), Some(value)) = (field("type"), field("value")) else {
            continue;
        };
        let slot = ["year", "month", "day", "hour", "minute", "second"]
            .iter()
            .position(|f| *f == kind);
        if let (Some(i), Ok(v)) = (slot, value.parse()) {
            civil[i] = v;
        }
    }
    let [y, mo, d, h, mi, s] = civil;
    let days = crate::model::Timestamp::days_from_civil_pub(y, mo as u32, d as u32);
    let local = days * 86_400 + h * 3600 + mi * 60 + s;
    i32::try_from((local - unix).div_euclid(60)).ok()
}

pub fn plural(locale: Locale, n: u64) -> Plural {
    let rules = RULES.with(|r| {
        let mut r = r.borrow_mut();
        if let Some((_, rules)) = r.iter().find(|(l, _)| *l == locale) {
            return rules.clone();
        }
        let rules = Intl::PluralRules::new(&Array::of1(&locale.code().into()), &Object::new());
        r.push((locale, rules.clone()));
        rules
    });
    Plural::from_keyword(&String::from(rules.select(n as f64)))
}
