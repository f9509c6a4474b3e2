<?php
// Seeds two posts holding the layout constructs of issue 19 (item 2 and
// "Presentation"): a 3-column gallery, columns, media-and-text, a cover, a
// group and every image alignment in block-editor markup; the [gallery]
// shortcode (WordPress writes its classic output itself), [caption] boxes and
// aligned images in classic-editor markup. For tests/e2e/layout.spec.mjs and
// crates/core/tests/it/wordpress_layout.rs.
//
// Out of the way of the other tests: dated 2020 (never on the home's first
// pages), in their own child category of "monde", no tags, no featured image.
// Images are the demo seed's featured images (seed.php's "media:<slug>"
// attachments), so WordPress writes their sizes and srcset.
//
// Usage: php seed-layout.php http://127.0.0.1:8081
// Idempotent: posts are keyed by slug; a rerun updates them in place.

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';

kses_remove_filters();
$admin_id = kq_as_admin();

$cat_id = kq_child_category('mise-en-page', 'Mise en page', 'monde');

// The demo seed's images, by article slug.
$slugs = [
    'algerie-oasis-jeunes-agriculteurs-goutte-a-goutte',
    'cinema-les-terrasses-de-sel-premier-film-au-bord-du-chott',
    'grande-muraille-verte-pepinieres-villageoises-sahel',
    'mediterranee-villes-cotieres-montee-des-eaux',
    'patrimoine-fes-restauration-medersa-revele-decors-oublies',
    'mali-recul-fleuve-niger-maraicheres-segou-s-adaptent',
    'numerique-cables-sous-marins-enjeu-strategique',
    'maroc-agadir-reseau-bus-electriques',
];
$ids = [];
foreach ($slugs as $s) {
    $id = kq_seeded_id("media:$s", 'attachment');
    if (!$id) {
        kq_fail("no image media:$s: run seed.php first");
    }
    $ids[] = $id;
}
$captions = [
    'Les jardins de l’oasis au petit matin.',
    'Le chott, immense miroir de sel.',
    'Une pépinière villageoise.',
    'La corniche à marée haute.',
    'Les boiseries restaurées de la médersa.',
    'Les potagers des berges du fleuve.',
];

/** `<img>` as the block editor saves it (WordPress adds srcset and sizes when it renders). */
function layout_img(int $id, string $size, string $extra = ''): string
{
    $src = wp_get_attachment_image_src($id, $size);
    $alt = get_post_meta($id, '_wp_attachment_image_alt', true);
    return '<img src="' . esc_url($src[0]) . '" alt="' . esc_attr($alt) . "\" class=\"wp-image-$id$extra\"/>";
}

function layout_full(int $id): string
{
    return esc_url(wp_get_attachment_url($id));
}

$gallery = '';
foreach (array_slice($ids, 0, 6) as $i => $id) {
    $gallery .= "<!-- wp:image {\"id\":$id,\"sizeSlug\":\"large\",\"linkDestination\":\"media\"} -->\n"
        . '<figure class="wp-block-image size-large"><a href="' . layout_full($id) . '">' . layout_img($id, 'large') . '</a>'
        . '<figcaption class="wp-element-caption">' . $captions[$i] . "</figcaption></figure>\n<!-- /wp:image -->\n\n";
}

function layout_figure(int $id, string $align, string $caption, string $size = 'medium'): string
{
    return "<!-- wp:image {\"id\":$id,\"align\":\"$align\",\"sizeSlug\":\"$size\"} -->\n"
        . "<figure class=\"wp-block-image align$align size-$size\">" . layout_img($id, $size)
        . "<figcaption class=\"wp-element-caption\">$caption</figcaption></figure>\n<!-- /wp:image -->";
}

[$a, $b, $c, $d, $e, $f, $g, $h] = $ids;
$cover_src = esc_url(wp_get_attachment_image_src($d, 'large')[0]);
$cover_alt = esc_attr(get_post_meta($d, '_wp_attachment_image_alt', true));
$block_editor = <<<HTML
<!-- wp:paragraph -->
<p>Une exposition racontée avec les blocs de mise en page de l’éditeur de blocs.</p>
<!-- /wp:paragraph -->

<!-- wp:gallery {"columns":3,"linkTo":"media"} -->
<figure class="wp-block-gallery has-nested-images columns-3 is-cropped">$gallery<figcaption class="blocks-gallery-caption wp-element-caption">Six paysages accrochés côte à côte.</figcaption></figure>
<!-- /wp:gallery -->

<!-- wp:columns -->
<div class="wp-block-columns"><!-- wp:column {"width":"33.33%"} -->
<div class="wp-block-column" style="flex-basis:33.33%"><!-- wp:paragraph -->
<p>La colonne étroite présente les photographes, leurs villes et leurs années de travail.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:column -->

<!-- wp:column {"width":"66.66%"} -->
<div class="wp-block-column" style="flex-basis:66.66%"><!-- wp:paragraph -->
<p>La colonne large raconte l’accrochage&nbsp;: les tirages déroulés sur les tables, encadrés un par un, puis suspendus le long des murs de l’ancien entrepôt.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:column --></div>
<!-- /wp:columns -->

<!-- wp:media-text {"mediaPosition":"right","mediaId":$g,"mediaType":"image","mediaWidth":40} -->
<div class="wp-block-media-text has-media-on-the-right is-stacked-on-mobile" style="grid-template-columns:auto 40%"><div class="wp-block-media-text__content"><!-- wp:paragraph -->
<p>Le texte à côté de l’image décrit la série sur les câbles sous-marins.</p>
<!-- /wp:paragraph --></div><figure class="wp-block-media-text__media">MEDIATEXT_IMG</figure></div>
<!-- /wp:media-text -->

<!-- wp:cover {"url":"$cover_src","id":$d,"dimRatio":60} -->
<div class="wp-block-cover"><span aria-hidden="true" class="wp-block-cover__background has-background-dim-60 has-background-dim"></span><img class="wp-block-cover__image-background wp-image-$d" alt="$cover_alt" src="$cover_src" data-object-fit="cover"/><div class="wp-block-cover__inner-container"><!-- wp:paragraph {"align":"center"} -->
<p class="has-text-align-center">Photographier la mer, c’est apprendre à attendre.</p>
<!-- /wp:paragraph --></div></div>
<!-- /wp:cover -->

<!-- wp:group {"layout":{"type":"constrained"}} -->
<div class="wp-block-group"><!-- wp:paragraph -->
<p>Un groupe garde ensemble les horaires et les tarifs de l’exposition.</p>
<!-- /wp:paragraph --></div>
<!-- /wp:group -->

ALIGNED
HTML;
$media_text_img = layout_img($g, 'large', ' size-full');
$block_editor = str_replace('MEDIATEXT_IMG', $media_text_img, $block_editor);
$aligned = implode("\n\n", [
    layout_figure($e, 'left', 'Une image flottant à gauche.'),
    "<!-- wp:paragraph -->\n<p>Le texte coule à côté de l’image de gauche, comme dans un magazine, puis reprend toute la largeur de la colonne une fois l’image passée. Les légendes restent sous leurs images.</p>\n<!-- /wp:paragraph -->",
    layout_figure($f, 'right', 'Une image flottant à droite.'),
    "<!-- wp:paragraph -->\n<p>Le texte coule à côté de l’image de droite à son tour, sur plusieurs lignes, avant de retrouver la largeur de la colonne sous elle.</p>\n<!-- /wp:paragraph -->",
    layout_figure($h, 'center', 'Une image centrée.'),
    layout_figure($a, 'wide', 'Une image plus large que la colonne.', 'large'),
    layout_figure($b, 'full', 'Une image de toute la largeur.', 'large'),
    "<!-- wp:paragraph -->\n<p>Fin de l’exposition.</p>\n<!-- /wp:paragraph -->",
]);
$block_editor = str_replace('ALIGNED', $aligned, $block_editor);

$gallery_ids = implode(',', array_slice($ids, 0, 6));
$img_medium = fn (int $id, string $class) => str_replace('class="wp-image-', "class=\"$class wp-image-", layout_img($id, 'medium'));
$classic = "Une exposition racontée dans l’éditeur classique.\n\n"
    . "[gallery ids=\"$gallery_ids\" columns=\"3\" link=\"file\"]\n\n"
    . "[caption id=\"attachment_$e\" align=\"alignleft\" width=\"300\"]" . $img_medium($e, 'size-medium') . " Une légende à gauche.[/caption]\n\n"
    . "Le texte coule à côté de la légende de gauche, sur plusieurs lignes, puis reprend toute la largeur de la colonne une fois l’image passée.\n\n"
    . '<a href="' . layout_full($f) . '">' . $img_medium($f, 'alignright size-medium') . "</a>Le texte coule à côté d’une image alignée à droite sans légende, comme l’éditeur classique l’écrit.\n\n"
    . "[caption id=\"attachment_$h\" align=\"aligncenter\" width=\"300\"]" . $img_medium($h, 'size-medium') . " Une légende centrée.[/caption]\n\n"
    . $img_medium($a, 'alignnone size-medium') . "\n\n"
    . "Fin de l’exposition classique.";

$posts = [
    'mise-en-page-editeur-de-blocs' => ['Mise en page, éditeur de blocs', $block_editor, '2020-07-01 10:00:00'],
    'mise-en-page-editeur-classique' => ['Mise en page, éditeur classique', $classic, '2020-07-02 10:00:00'],
];
foreach ($posts as $slug => [$title, $content, $date]) {
    $id = kq_upsert_post($slug, [
        'title' => $title,
        'content' => $content,
        'date' => $date,
        'categories' => [$cat_id],
        'author' => $admin_id,
    ]);
    fwrite(STDERR, "seed-layout: $slug = post $id\n");
}
