use super::*;

#[test]
fn motifs_parse_by_name() {
    for m in Motif::ALL {
        assert_eq!(Motif::parse(m.name()), Some(m));
    }
    assert_eq!(Motif::parse("volcano"), None);
}

#[test]
fn scenes_are_deterministic_and_colourful() {
    for m in Motif::ALL {
        let a = render_scene(m, "maghreb", "une-slug", 96, 54);
        let b = render_scene(m, "maghreb", "une-slug", 96, 54);
        assert_eq!(a.as_raw(), b.as_raw(), "{m:?}");
        assert_eq!(a.dimensions(), (96, 54));
        // Not a flat box: many distinct colours and some contrast.
        let mut colours: Vec<[u8; 3]> = a.pixels().map(|p| p.0).collect();
        colours.sort();
        colours.dedup();
        assert!(colours.len() > 300, "{m:?}: {} colours", colours.len());
        let luma: Vec<f32> = a
            .pixels()
            .map(|p| 0.3 * p.0[0] as f32 + 0.59 * p.0[1] as f32 + 0.11 * p.0[2] as f32)
            .collect();
        let (lo, hi) = luma.iter().fold((255f32, 0f32), |(l, h), &v| (l.min(v), h.max(v)));
        assert!(hi - lo > 60.0, "{m:?}: contrast {}", hi - lo);
    }
}

#[test]
fn the_slug_and_category_vary_the_scene() {
    let a = render_scene(Motif::Coast, "maghreb", "a", 64, 36);
    assert_ne!(a.as_raw(), render_scene(Motif::Coast, "maghreb", "b", 64, 36).as_raw());
    assert_ne!(a.as_raw(), render_scene(Motif::Coast, "culture", "a", 64, 36).as_raw());
}

#[test]
fn avatars_are_deterministic() {
    let a = render_avatar("karim-ouazzani", 64);
    assert_eq!(a.as_raw(), render_avatar("karim-ouazzani", 64).as_raw());
    assert_ne!(a.as_raw(), render_avatar("leila-benali", 64).as_raw());
}
