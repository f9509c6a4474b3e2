<?php
// Seeds one post with extreme images (issue 19, "images keep the layout"): a
// 10,000×10,000 featured image also used in the body, a 4000×200 strip and a
// 200×3000 column. The images are flat-colour palette PNGs drawn with GD (a
// few kilobytes each); WordPress generates their intermediate sizes and, past
// its big-image threshold, a "-scaled" original. For tests/e2e/media.spec.mjs.
//
// Out of the way of the other tests: dated 2020, in its own child category of
// "monde", no tags. Idempotent: images and the post are keyed by slug.
//
// Usage: php seed-media.php http://127.0.0.1:8081

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';

$admin_id = kq_as_admin();
$cat_id = kq_child_category('images-extremes', 'Images extrêmes', 'monde');

/** A flat-colour PNG of w×h imported once as attachment `media-extreme:<name>`. */
function extreme_image(string $name, int $w, int $h, array $rgb, string $alt): int
{
    $key = "media-extreme:$name";
    $id = kq_seeded_id($key, 'attachment');
    if (!$id) {
        $im = imagecreate($w, $h); // palette image: tiny file, whatever its size
        if ($im === false) {
            kq_fail("$name: GD cannot make a {$w}×{$h} image");
        }
        imagecolorallocate($im, ...$rgb);
        $tmp = wp_tempnam("$name.png");
        imagepng($im, $tmp, 9);
        imagedestroy($im);
        $id = media_handle_sideload(['name' => "$name.png", 'tmp_name' => $tmp], 0, $alt);
        if (is_wp_error($id)) {
            kq_fail("$name: " . $id->get_error_message());
        }
        update_post_meta($id, '_kiosque_seed', $key);
    }
    update_post_meta($id, '_wp_attachment_image_alt', wp_slash($alt));
    return (int) $id;
}

$square = extreme_image('extreme-carre-10000', 10000, 10000, [40, 110, 160], 'Un carré bleu de dix mille pixels de côté.');
$strip = extreme_image('extreme-bandeau-4000x200', 4000, 200, [200, 120, 40], 'Un bandeau orange très large et très bas.');
$column = extreme_image('extreme-colonne-200x3000', 200, 3000, [60, 140, 70], 'Une colonne verte très haute et très étroite.');

/** An image block as the block editor saves it (WordPress adds srcset and sizes when it renders). */
function extreme_block(int $id, string $size, string $caption): string
{
    $src = wp_get_attachment_image_src($id, $size);
    $alt = esc_attr(get_post_meta($id, '_wp_attachment_image_alt', true));
    return "<!-- wp:image {\"id\":$id,\"sizeSlug\":\"$size\"} -->\n"
        . "<figure class=\"wp-block-image size-$size\"><img src=\"" . esc_url($src[0]) . "\" alt=\"$alt\" class=\"wp-image-$id\"/>"
        . "<figcaption class=\"wp-element-caption\">$caption</figcaption></figure>\n<!-- /wp:image -->";
}

$para = fn (string $t) => "<!-- wp:paragraph -->\n<p>$t</p>\n<!-- /wp:paragraph -->";
$content = implode("\n\n", [
    $para('Des images aux proportions extrêmes, pour vérifier que la mise en page tient.'),
    extreme_block($square, 'full', 'Le carré de dix mille pixels, en taille originale.'),
    $para('Un bandeau très large suit.'),
    extreme_block($strip, 'full', 'Le bandeau de 4000 sur 200.'),
    $para('Puis une colonne très haute.'),
    extreme_block($column, 'full', 'La colonne de 200 sur 3000.'),
    $para('Fin des images extrêmes.'),
]);

$slug = 'images-extremes-mise-en-page';
$id = kq_upsert_post($slug, [
    'title' => 'Images extrêmes',
    'content' => $content,
    'excerpt' => 'Un carré de dix mille pixels, un bandeau et une colonne.',
    'date' => '2020-08-01 10:00:00',
    'categories' => [$cat_id],
    'author' => $admin_id,
]);
set_post_thumbnail($id, $square);
fwrite(STDERR, "seed-media: $slug = post $id\n");
