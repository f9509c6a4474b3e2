<?php
// Hides or shows the test corpora other than the demo newsroom (what
// seed.php wrote, keyed `post:`, `page:`, `media:` and `fig:`): the hostile
// corpus (seed-hostile.php), the SEO-plugin posts (seed-seo.php) and every
// other seed-<area>.php. `hide` makes their published posts and pages drafts and
// remembers which (a draft a corpus seeds on purpose stays a draft); `show`
// publishes those again. record.sh hides them while it records the adapter's
// fixtures, whose expectations (totals, pages) describe the demo newsroom
// alone; the e2e tests need them published, so record.sh shows them on exit.
//
// Usage: php hostile-status.php hide|show [origin]

$mode = $argv[1] ?? '';
if ($mode !== 'hide' && $mode !== 'show') {
    fwrite(STDERR, "usage: php hostile-status.php hide|show [origin]\n");
    exit(2);
}
$origin = rtrim($argv[2] ?? 'http://127.0.0.1:8081', '/');
require __DIR__ . '/wp-boot.php';

global $wpdb;
$demo = ['post', 'page', 'media', 'fig'];
$in = "'" . implode("','", $demo) . "'";
if ($mode === 'hide') {
    // Every published post or page the demo seed did not write (other
    // corpora key their objects by slug or by a seed key of their own).
    $ids = $wpdb->get_col(
        "SELECT p.ID FROM {$wpdb->posts} p
         WHERE p.post_type IN ('post', 'page') AND p.post_status = 'publish'
           AND NOT EXISTS (SELECT 1 FROM {$wpdb->postmeta} m WHERE m.post_id = p.ID
             AND m.meta_key = '_kiosque_seed' AND SUBSTRING_INDEX(m.meta_value, ':', 1) IN ($in))"
    );
    $hidden = array_map('intval', (array) get_option('kiosque_hidden_ids', []));
    update_option('kiosque_hidden_ids', array_values(array_unique(array_merge($hidden, array_map('intval', $ids)))), false);
} else {
    $ids = array_map('intval', (array) get_option('kiosque_hidden_ids', []));
    delete_option('kiosque_hidden_ids');
}
$status = $mode === 'hide' ? 'draft' : 'publish';
foreach ($ids as $id) {
    // The status alone changes, in the table: wp_update_post would run the
    // content through kses and wptexturize (the seed stores the vectors raw)
    // and give a published draft a new date.
    $wpdb->update($wpdb->posts, ['post_status' => $status], ['ID' => (int) $id]);
    clean_post_cache((int) $id);
    foreach (['category', 'post_tag'] as $taxonomy) {
        $tt = wp_get_object_terms((int) $id, $taxonomy, ['fields' => 'tt_ids']);
        if (!is_wp_error($tt) && $tt) {
            wp_update_term_count_now($tt, $taxonomy);
        }
    }
}
fwrite(STDERR, "hostile-status: " . count($ids) . " test-corpus posts and pages now $status\n");
