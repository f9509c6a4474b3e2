<?php
// Hides or shows the hostile corpus (seed-hostile.php) and the post-level
// cases (seed-wp-posts.php) in the test WordPress:
// `hide` makes its posts and page drafts, `show` publishes them again.
// record.sh hides them while it records the adapter's fixtures, whose
// expectations (totals, pages) describe the demo newsroom alone; the hostile
// e2e tests need them published, so record.sh shows them again on exit.
//
// Usage: php hostile-status.php hide|show [origin]

$mode = $argv[1] ?? '';
if ($mode !== 'hide' && $mode !== 'show') {
    fwrite(STDERR, "usage: php hostile-status.php hide|show [origin]\n");
    exit(2);
}
$origin = rtrim($argv[2] ?? 'http://127.0.0.1:8081', '/');
$parts = parse_url($origin);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';

global $wpdb;
$ids = $wpdb->get_col(
    "SELECT p.ID FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID
     WHERE m.meta_key = '_kiosque_seed' AND (m.meta_value LIKE 'hostile:%' OR m.meta_value LIKE 'wp-posts:%')
       AND p.post_type IN ('post', 'page')"
);
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
fwrite(STDERR, "hostile-status: " . count($ids) . " hostile posts and pages now $status\n");
