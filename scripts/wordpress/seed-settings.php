<?php
// Seeds the site settings of issue #19 (item 5) that the test WordPress
// lacks: a Site Icon (a 512 × 512 PNG drawn here), so the REST index gives
// `site_icon_url`. The other settings keep their values (posts_per_page
// stays 6: the recorded fixtures and the e2e journeys count on it; the
// adapter tests cover other values with their own answers).
//
// Usage: php seed-settings.php http://127.0.0.1:8081
// Idempotent: the icon is keyed by `_kiosque_seed` = "settings:site-icon".

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

$admin = get_user_by('login', 'admin');
if ($admin) {
    wp_set_current_user($admin->ID);
}

function settings_fail(string $s): void
{
    fwrite(STDERR, "seed-settings: $s\n");
    exit(1);
}

$key = 'settings:site-icon';
$id = kq_seeded_id($key, 'attachment');
if (!$id) {
    // The project's own drawing: a dark red square, a white "K" of three bars.
    $im = imagecreatetruecolor(512, 512);
    imagefill($im, 0, 0, imagecolorallocate($im, 155, 44, 31));
    $white = imagecolorallocate($im, 255, 255, 255);
    imagefilledrectangle($im, 150, 110, 210, 402, $white);
    imagefilledpolygon($im, [210, 256, 330, 110, 400, 110, 250, 290], $white);
    imagefilledpolygon($im, [236, 260, 280, 230, 400, 402, 330, 402], $white);
    $up = wp_upload_dir('2020/06');
    wp_mkdir_p($up['path']);
    $file = $up['path'] . '/kiosque-site-icon.png';
    imagepng($im, $file);
    imagedestroy($im);
    $id = wp_insert_attachment([
        'post_mime_type' => 'image/png',
        'post_title' => 'Icône du site',
        'post_status' => 'inherit',
        'meta_input' => ['_kiosque_seed' => $key, '_wp_attachment_context' => 'site-icon'],
    ], $file, 0, true);
    if (is_wp_error($id)) {
        settings_fail($id->get_error_message());
    }
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $file));
}
update_option('site_icon', (int) $id);
fwrite(STDERR, "seed-settings: site icon $id: " . get_site_icon_url() . "\n");
