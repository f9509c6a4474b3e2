<?php
// Seeds the "video" custom post type (mu-plugins/kiosque-cpt.php) for issue
// 20 item 5: four items dated 2020 (off the home's first pages), in a child
// category of "monde" (out of the top-level navigation), one with a featured
// image (the demo's cinema photo), one with a tag, one without an excerpt,
// and a fifth without any category (dated 2020-05-01, the oldest);
// a sixth in the classic editor with a [gallery] of three demo images
// (dated 2020-05-02: the export gives its 150×150 thumbnails their
// renditions, as for posts; scripts/export-wp.sh checks it);
// and one post sharing their category and tag (related rails).
//
// Usage: php seed-cpt.php http://127.0.0.1:8081
// Idempotent: items are keyed by seed key (their `_kiosque_seed` meta).

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';

if (!post_type_exists('video')) {
    kq_fail('no "video" post type: install mu-plugins/kiosque-cpt.php first (up.sh does)');
}
$admin_id = kq_as_admin();
$cat = kq_child_category('videos-essais', 'Vidéos (essais)', 'monde');
$image = kq_seeded_id('media:cinema-les-terrasses-de-sel-premier-film-au-bord-du-chott', 'attachment');
if (!$image) {
    kq_fail('no image media:cinema-…: run seed.php first');
}

function cpt_para(string $text): string
{
    return "<!-- wp:paragraph -->\n<p>$text</p>\n<!-- /wp:paragraph -->";
}

$items = [
    ['video-chott-el-jerid-au-lever-du-jour', 'Le chott el-Jérid au lever du jour', 'Trois minutes de lumière sur le lac salé, filmées depuis la route de Tozeur.', "Le sel craque sous les pas de l’équipe de tournage.\n\nÀ l’aube, la croûte blanche prend une teinte rose que les chauffeurs de la route connaissent bien.", true, ['video-essai']],
    ['video-atelier-de-dinanderie-a-fes', 'Un atelier de dinanderie à Fès', 'Le geste des artisans du cuivre, plan par plan.', "Dans la médina, le marteau ne s’arrête qu’à la prière.\n\nLe maître d’atelier montre comment un plateau naît d’une feuille plate.", false, []],
    ['video-marche-flottant-de-segou', 'Le marché du fleuve à Ségou', '', "Les pirogues accostent avant huit heures.\n\nLes maraîchères vendent ce que le fleuve, plus bas chaque année, laisse encore pousser.", false, []],
    ['video-la-derniere-seance-du-cine-club', 'La dernière séance du ciné-club', 'Un cinéma de quartier ferme ses portes après soixante ans.', "Les fauteuils rouges seront vendus aux enchères.\n\nLe projectionniste raconte ses bobines préférées.", false, []],
    // Without a category: its pages show the type instead (the oldest, dated 2020-05-01).
    ['video-sans-rubrique-les-salines-de-kerkennah', 'Les salines de Kerkennah', 'Une vidéo sans rubrique : seul son type la classe.', "Les bassins changent de couleur avec la saison.\n\nLes sauniers ratissent le sel avant la chaleur.", false, [], false],
    // Classic editor: its content is kept as written (no blocks), the
    // shortcode expanded by WordPress when it answers.
    ['video-galerie-classique-reperages', 'Repérages en images', 'Les photos de repérage avant le tournage.', null, false, [], true, '2020-05-02 10:00:00'],
];
$gallery_ids = [];
foreach (['algerie-oasis-jeunes-agriculteurs-goutte-a-goutte', 'grande-muraille-verte-pepinieres-villageoises-sahel', 'mediterranee-villes-cotieres-montee-des-eaux'] as $s) {
    $gallery_ids[] = kq_seeded_id("media:$s", 'attachment') ?: kq_fail("no image media:$s: run seed.php first");
}
$classic_gallery = "Trois lieux vus pendant les repérages.\n\n[gallery ids=\"" . implode(',', $gallery_ids) . "\" columns=\"3\" link=\"file\"]";
foreach ($items as $n => $row) {
    [$slug, $title, $excerpt, $body, $featured, $tags] = $row;
    $in_category = $row[6] ?? true;
    $key = "cpt:$slug";
    $id = kq_seeded_id($key, 'video');
    $date = $row[7] ?? ($in_category ? sprintf('2020-05-%02d 10:00:00', 10 + $n) : '2020-05-01 10:00:00');
    $arr = [
        'post_type' => 'video',
        'post_status' => 'publish',
        'post_name' => $slug,
        'post_title' => $title,
        'post_excerpt' => $excerpt,
        'post_content' => $body === null ? $classic_gallery : implode("\n\n", array_map('cpt_para', explode("\n\n", $body))),
        'post_date' => $date,
        'post_date_gmt' => $date,
        'comment_status' => 'open',
        'post_author' => $admin_id,
        'meta_input' => ['_kiosque_seed' => $key],
    ];
    if ($id) {
        $arr['ID'] = $id;
    }
    $r = $id ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
    if (is_wp_error($r)) {
        kq_fail("$slug: " . $r->get_error_message());
    }
    // wp_set_object_terms: no default category is put in the place of none.
    wp_set_object_terms($r, $in_category ? [$cat] : [], 'category');
    wp_set_post_terms($r, $tags, 'post_tag');
    if ($featured) {
        set_post_thumbnail($r, $image);
    } else {
        delete_post_thumbnail($r);
    }
}
// A post in the videos' category with their tag: the related rails of
// types with `in_related` (it and the videos rank each other first).
$post = kq_upsert_post('coulisses-des-videos-du-chott', [
    'title' => 'Dans les coulisses des vidéos du chott',
    'content' => cpt_para('L’équipe raconte trois matins de tournage au bord du lac salé.'),
    'excerpt' => 'Trois matins de tournage au bord du lac salé.',
    'date' => '2020-05-09 10:00:00',
    'categories' => [$cat],
    'author' => $admin_id,
]);
wp_set_post_terms($post, ['video-essai'], 'post_tag');
echo "seed-cpt: " . count($items) . " videos, 1 post\n";
