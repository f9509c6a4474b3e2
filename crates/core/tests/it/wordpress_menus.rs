//! WordPress menus recorded from the test WordPress (scripts/wordpress/
//! seed-menus.php, read with the export's application password) → the
//! site's menus; the anonymous answer (WordPress's refusal) → none.
#![cfg(feature = "wordpress-source")]

use kiosque_core::model::MenuLink;
use kiosque_core::routes::Route;
use kiosque_core::source::wordpress::map::LinkContext;
use kiosque_core::source::wordpress::menus::{locations, menus};
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/wordpress/menus/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn list(name: &str) -> Vec<Value> {
    fixture(name).as_array().unwrap().clone()
}

#[test]
fn the_seeded_menus_become_the_sites() {
    let (primary, footer) = locations(&fixture("menu-locations.json"));
    assert_eq!((primary, footer), (Some(138), Some(139)));
    let mut links = LinkContext::from_home("http://127.0.0.1:8081");
    links.page_slugs = vec!["a-propos".into()];
    let m = menus(&list("menu-items-138.json"), &list("menu-items-139.json"), &links);

    let labels: Vec<&str> = m.primary.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["Maghreb", "Économie", "Dossiers", "Agence partenaire"]);
    let maghreb = &m.primary[0];
    assert_eq!(maghreb.link, Some(MenuLink::route(&Route::category("maghreb", 1))));
    assert_eq!(
        maghreb.children[0].link,
        Some(MenuLink::route(&Route::tag("jeunesse", 1)))
    );
    assert_eq!(
        maghreb.children[1].link,
        Some(MenuLink::route(&Route::page("a-propos")))
    );
    // "#": a parent that only opens its submenu; a post's entity-encoded title.
    let dossiers = &m.primary[2];
    assert_eq!(dossiers.link, None);
    assert!(
        dossiers.children[0].label.contains("s’organisent"),
        "{}",
        dossiers.children[0].label
    );
    assert_eq!(
        dossiers.children[0].link,
        Some(MenuLink::route(&Route::article(
            "tunisie-bizerte-pecheurs-rarefaction-poisson"
        )))
    );
    assert!(
        matches!(&m.primary[3].link, Some(MenuLink::External(u)) if u.as_str() == "https://partenaire.example/depeches")
    );

    let footer: Vec<&str> = m.footer.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(footer, ["À propos", "Charte éditoriale"]);
}

#[test]
fn without_a_login_there_are_no_menus() {
    assert_eq!(locations(&fixture("menu-locations-anonymous.json")), (None, None));
}
