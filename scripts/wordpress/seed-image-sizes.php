<?php
// Adds the 480 px size of mu-plugins/kiosque-image-sizes.php to images that
// were uploaded before it was installed (new uploads get it from WordPress).
// Idempotent: an image whose metadata already lists the size, or that is not
// wider than 480 px, is left alone. Only that one file is made: the other
// sizes and the metadata's other fields are kept as they are.
//     php scripts/wordpress/seed-image-sizes.php [origin]

require __DIR__ . '/wp-boot.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

const KIOSQUE_SIZE = 'kiosque-480';
if (!has_image_size(KIOSQUE_SIZE)) {
    fwrite(STDERR, "seed-image-sizes: the mu-plugin kiosque-image-sizes.php is not installed\n");
    exit(1);
}
$added = 0;
$ids = get_posts(['post_type' => 'attachment', 'post_mime_type' => 'image', 'post_status' => 'inherit',
    'numberposts' => -1, 'fields' => 'ids']);
foreach ($ids as $id) {
    $meta = wp_get_attachment_metadata($id);
    $file = get_attached_file($id);
    if (!is_array($meta) || isset($meta['sizes'][KIOSQUE_SIZE]) || ($meta['width'] ?? 0) <= 480 || !is_file($file)) {
        continue;
    }
    $made = image_make_intermediate_size($file, 480, 0, false);
    if (!$made) {
        fwrite(STDERR, "seed-image-sizes: could not resize attachment $id ($file)\n");
        exit(1);
    }
    $meta['sizes'][KIOSQUE_SIZE] = $made;
    wp_update_attachment_metadata($id, $meta);
    $added++;
}
fwrite(STDERR, "seed-image-sizes: 480 px size added to $added of " . count($ids) . " images\n");
