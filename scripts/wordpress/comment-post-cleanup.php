<?php
// Deletes the comments readers posted (tests, fixture recording) on the two
// posting posts of seed-comments.php, keeping the seeded ones (those with a
// `_kiosque_seed` meta), so reruns start from the same state. Prints how
// many went, or with `count`, how many there are (held ones included).
//
// Usage: php comment-post-cleanup.php [http://127.0.0.1:8081] [count]
require __DIR__ . '/wp-boot.php';

$only_count = ($argv[2] ?? '') === 'count';
$n = 0;
foreach (['commenter-ici-seed', 'lectrice-fidele-seed'] as $slug) {
    $post = get_posts(['name' => $slug, 'post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1]);
    if (!$post) {
        continue;
    }
    foreach (get_comments(['post_id' => $post[0]->ID, 'status' => 'all', 'type' => 'all']) as $c) {
        if (get_comment_meta($c->comment_ID, '_kiosque_seed', true) !== '') {
            continue;
        }
        $n++;
        if (!$only_count) {
            wp_delete_comment($c->comment_ID, true);
        }
    }
    wp_update_comment_count_now($post[0]->ID);
}
echo "$n\n";
