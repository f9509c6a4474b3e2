<?php
// Edits one post of the test WordPress the way an editor's update shows in
// the REST API (new title, modification time now), and puts it back exactly
// (title and both modification times), for the export test
// (scripts/export-wp.sh). Writes the posts table directly: no revision, no
// hook, nothing else changes.
//
// Variables are prefixed: wp-load.php sets globals such as $action and $post.
//
// Usage: php touch-post.php ORIGIN SLUG edit SAVE_FILE   (saves the original, then edits)
//        php touch-post.php ORIGIN SLUG restore SAVE_FILE

[$kq_origin, $kq_slug, $kq_action, $kq_file] = array_slice($argv, 1) + [null, null, null, null];
if (!$kq_origin || !$kq_slug || !in_array($kq_action, ['edit', 'restore'], true) || !$kq_file) {
    fwrite(STDERR, "usage: php touch-post.php ORIGIN SLUG edit|restore SAVE_FILE\n");
    exit(2);
}
$kq_parts = parse_url($kq_origin);
$_SERVER['HTTP_HOST'] = $kq_parts['host'] . (isset($kq_parts['port']) ? ':' . $kq_parts['port'] : '');
$_SERVER['SERVER_NAME'] = $kq_parts['host'];
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';

global $wpdb;
$kq_post = get_page_by_path($kq_slug, OBJECT, 'post');
if (!$kq_post) {
    fwrite(STDERR, "no post $kq_slug\n");
    exit(1);
}
$kq_fields = ['post_title', 'post_modified', 'post_modified_gmt'];
if ($kq_action === 'edit') {
    if (!file_exists($kq_file)) { // a second edit must not save the edited state
        $kq_saved = [];
        foreach ($kq_fields as $kq_f) {
            $kq_saved[$kq_f] = $kq_post->$kq_f;
        }
        file_put_contents($kq_file, json_encode(['id' => $kq_post->ID] + $kq_saved));
    }
    $wpdb->update($wpdb->posts, [
        'post_title' => $kq_post->post_title . ' (mis à jour)',
        'post_modified' => current_time('mysql'),
        'post_modified_gmt' => current_time('mysql', true),
    ], ['ID' => $kq_post->ID]);
} else {
    $kq_saved = json_decode((string) file_get_contents($kq_file), true);
    if (!is_array($kq_saved) || (int) ($kq_saved['id'] ?? 0) !== $kq_post->ID) {
        fwrite(STDERR, "nothing saved for $kq_slug in $kq_file\n");
        exit(1);
    }
    $wpdb->update($wpdb->posts, array_intersect_key($kq_saved, array_flip($kq_fields)), ['ID' => $kq_post->ID]);
    unlink($kq_file);
}
clean_post_cache($kq_post->ID);
echo "$kq_action $kq_slug ({$kq_post->ID})\n";
