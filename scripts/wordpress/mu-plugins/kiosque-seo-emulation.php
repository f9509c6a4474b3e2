<?php
/*
 * Plugin Name: Kiosque test site: SEO plugin emulation
 * Description: For the test WordPress only. Neither Yoast SEO nor Rank Math can be installed from the package
 *   registries this project may use, so this plugin answers the REST API the way they do, for the posts and
 *   pages that carry a `_kiosque_seo` meta (JSON: {"plugin": "yoast"|"rankmath", ...overrides}), and leaves
 *   every other post alone so the rest of the test site keeps testing Kiosque's own head.
 *   Shapes followed: Yoast SEO 20–23 (`yoast_head_json` on posts and pages: title, description, robots
 *   {index, follow, max-snippet…}, canonical, og_*, og_image [{url, width, height, type}], twitter_*, schema
 *   {@context, @graph}); Rank Math 1.0.2xx with "Headless CMS Support" on (`GET rankmath/v1/getHead?url=…` →
 *   {"success": true, "head": "<meta …>…"}).
 *   Terms and authors (issue 20, item 1): `yoast_head_json` on `/wp/v2/categories`, `/wp/v2/tags` and
 *   `/wp/v2/users` for the terms and users carrying the same `_kiosque_seo` meta (term or user meta), as Yoast
 *   adds it to term and author archives (og_type "website", a CollectionPage / ProfilePage graph); Rank Math's
 *   getHead answers their archive permalinks, and pages' plain permalinks (`/?page_id=N`), as it answers any
 *   front-end URL.
 */

function kiosque_seo_overrides(int $post_id): ?array
{
    $raw = get_post_meta($post_id, '_kiosque_seo', true);
    if (!$raw) {
        return null;
    }
    $o = json_decode($raw, true);
    return is_array($o) ? $o : null;
}

/** What both plugins compute by default for a post, then the editor's overrides. */
function kiosque_seo_values(WP_Post $post, array $o): array
{
    $site = get_bloginfo('name');
    $url = get_permalink($post);
    $title = html_entity_decode(get_the_title($post), ENT_QUOTES) . ' - ' . $site;
    $desc = wp_strip_all_tags(get_the_excerpt($post));
    $thumb = get_post_thumbnail_id($post);
    $image = $thumb ? wp_get_attachment_image_src($thumb, 'full') : null;
    $v = [
        'title' => $title,
        'description' => $desc,
        'canonical' => $url,
        'index' => 'index',
        'follow' => 'follow',
        'og_title' => $title,
        'og_description' => $desc,
        'og_image' => $image ? ['url' => $image[0], 'width' => $image[1], 'height' => $image[2], 'type' => 'image/jpeg'] : null,
        'twitter_title' => null,
        'twitter_description' => null,
        'twitter_image' => null,
        'schema' => [
            ['@type' => 'WebPage', '@id' => $url, 'url' => $url, 'name' => $title, 'isPartOf' => ['@id' => home_url('/#website')]],
            ['@type' => 'Article', '@id' => $url . '#article', 'headline' => get_the_title($post),
             'datePublished' => get_post_time('c', true, $post), 'mainEntityOfPage' => ['@id' => $url]],
            ['@type' => 'WebSite', '@id' => home_url('/#website'), 'url' => home_url('/'), 'name' => $site],
        ],
    ];
    foreach ($o as $k => $val) {
        if ($k !== 'plugin') {
            $v[$k] = $val;
        }
    }
    return $v;
}

/** What Yoast computes for a term's or an author's archive, then the overrides. */
function kiosque_seo_archive_values(string $name, string $desc, string $url, string $page_type, array $o): array
{
    $site = get_bloginfo('name');
    $title = html_entity_decode($name, ENT_QUOTES) . ' - ' . $site;
    $v = [
        'title' => $title,
        'description' => wp_strip_all_tags($desc),
        'canonical' => $url,
        'index' => 'index',
        'follow' => 'follow',
        'og_type' => 'website',
        'og_title' => $title,
        'og_description' => wp_strip_all_tags($desc),
        'og_image' => null,
        'twitter_title' => null,
        'twitter_description' => null,
        'twitter_image' => null,
        'schema' => [
            ['@type' => $page_type, '@id' => $url, 'url' => $url, 'name' => $title,
             'isPartOf' => ['@id' => home_url('/#website')], 'breadcrumb' => ['@id' => $url . '#breadcrumb']],
            ['@type' => 'BreadcrumbList', '@id' => $url . '#breadcrumb', 'itemListElement' => [
                ['@type' => 'ListItem', 'position' => 1, 'name' => 'Accueil', 'item' => home_url('/')],
                ['@type' => 'ListItem', 'position' => 2, 'name' => html_entity_decode($name, ENT_QUOTES)],
            ]],
            ['@type' => 'WebSite', '@id' => home_url('/#website'), 'url' => home_url('/'), 'name' => $site],
        ],
    ];
    foreach ($o as $k => $val) {
        if ($k !== 'plugin') {
            $v[$k] = $val;
        }
    }
    return $v;
}

/** A term's or user's overrides (same JSON as posts'), for `$plugin` only. */
function kiosque_seo_meta_overrides(string $kind, int $id, string $plugin): ?array
{
    $raw = $kind === 'user' ? get_user_meta($id, '_kiosque_seo', true) : get_term_meta($id, '_kiosque_seo', true);
    $o = $raw ? json_decode($raw, true) : null;
    return is_array($o) && ($o['plugin'] ?? '') === $plugin ? $o : null;
}

/** The archive values of the term or author whose permalink is `$url`, or null. */
function kiosque_seo_archive_by_url(string $url, string $plugin): ?array
{
    $same = fn ($a) => untrailingslashit($a) === untrailingslashit($url);
    foreach (get_terms(['taxonomy' => ['category', 'post_tag'], 'hide_empty' => false,
                        'meta_key' => '_kiosque_seo']) as $t) {
        $o = kiosque_seo_meta_overrides('term', $t->term_id, $plugin);
        if ($o && $same(get_term_link($t))) {
            return kiosque_seo_archive_values($t->name, $t->description, get_term_link($t), 'CollectionPage', $o);
        }
    }
    foreach (get_users(['meta_key' => '_kiosque_seo']) as $u) {
        $o = kiosque_seo_meta_overrides('user', $u->ID, $plugin);
        if ($o && $same(get_author_posts_url($u->ID))) {
            return kiosque_seo_archive_values($u->display_name, $u->description, get_author_posts_url($u->ID), 'ProfilePage', $o);
        }
    }
    return null;
}

/** Yoast's REST shape of computed values. */
function kiosque_seo_yoast_json(array $v, string $og_type): array
{
    return array_filter([
        'title' => $v['title'],
        'description' => $v['description'],
        'robots' => ['index' => $v['index'], 'follow' => $v['follow'],
                     'max-snippet' => 'max-snippet:-1', 'max-image-preview' => 'max-image-preview:large'],
        'canonical' => $v['canonical'],
        'og_locale' => 'fr_FR',
        'og_type' => $og_type,
        'og_title' => $v['og_title'],
        'og_description' => $v['og_description'],
        'og_url' => $v['canonical'],
        'og_site_name' => get_bloginfo('name'),
        'og_image' => $v['og_image'] ? [$v['og_image']] : null,
        'twitter_card' => 'summary_large_image',
        'twitter_title' => $v['twitter_title'],
        'twitter_description' => $v['twitter_description'],
        'twitter_image' => $v['twitter_image'],
        'schema' => ['@context' => 'https://schema.org', '@graph' => $v['schema']],
    ], fn ($x) => $x !== null && $x !== '');
}

add_action('rest_api_init', function () {
    // (A tag's REST object type is "tag", its schema's title.)
    foreach (['category', 'tag', 'user'] as $type) {
        register_rest_field($type, 'yoast_head_json', [
            'get_callback' => function ($data) use ($type) {
                $id = (int) $data['id'];
                $o = kiosque_seo_meta_overrides($type === 'user' ? 'user' : 'term', $id, 'yoast');
                if (!$o) {
                    return null;
                }
                if ($type === 'user') {
                    $u = get_userdata($id);
                    $v = kiosque_seo_archive_values($u->display_name, $u->description, get_author_posts_url($id), 'ProfilePage', $o);
                } else {
                    $t = get_term($id);
                    $v = kiosque_seo_archive_values($t->name, $t->description, get_term_link($t), 'CollectionPage', $o);
                }
                return kiosque_seo_yoast_json($v, 'website');
            },
            'schema' => ['type' => 'object', 'context' => ['view', 'edit', 'embed']],
        ]);
    }
    foreach (['post', 'page'] as $type) {
        register_rest_field($type, 'yoast_head_json', [
            'get_callback' => function ($data) {
                $o = kiosque_seo_overrides((int) $data['id']);
                if (!$o || ($o['plugin'] ?? '') !== 'yoast') {
                    return null;
                }
                $v = kiosque_seo_values(get_post((int) $data['id']), $o);
                return array_filter([
                    'title' => $v['title'],
                    'description' => $v['description'],
                    'robots' => ['index' => $v['index'], 'follow' => $v['follow'],
                                 'max-snippet' => 'max-snippet:-1', 'max-image-preview' => 'max-image-preview:large'],
                    'canonical' => $v['canonical'],
                    'og_locale' => 'fr_FR',
                    'og_type' => 'article',
                    'og_title' => $v['og_title'],
                    'og_description' => $v['og_description'],
                    'og_url' => $v['canonical'],
                    'og_site_name' => get_bloginfo('name'),
                    'og_image' => $v['og_image'] ? [$v['og_image']] : null,
                    'twitter_card' => 'summary_large_image',
                    'twitter_title' => $v['twitter_title'],
                    'twitter_description' => $v['twitter_description'],
                    'twitter_image' => $v['twitter_image'],
                    'schema' => ['@context' => 'https://schema.org', '@graph' => $v['schema']],
                ], fn ($x) => $x !== null);
            },
            'schema' => ['type' => 'object', 'context' => ['view', 'edit', 'embed']],
        ]);
    }
    register_rest_route('rankmath/v1', '/getHead', [
        'methods' => 'GET',
        'permission_callback' => '__return_true',
        'args' => ['url' => ['required' => true, 'type' => 'string']],
        'callback' => function (WP_REST_Request $r) {
            $id = url_to_postid($r['url']);
            $o = $id ? kiosque_seo_overrides($id) : null;
            $v = $o && ($o['plugin'] ?? '') === 'rankmath' ? kiosque_seo_values(get_post($id), $o)
                : ($id ? null : kiosque_seo_archive_by_url($r['url'], 'rankmath'));
            if (!$v) {
                // (Rank Math itself answers every URL; the emulation only its seeded ones.)
                return new WP_REST_Response(['success' => false, 'message' => 'No head for this URL'], 404);
            }
            $a = fn ($s) => esc_attr((string) $s);
            $h = '<title>' . esc_html($v['title']) . "</title>\n";
            $h .= '<meta name="description" content="' . $a($v['description']) . "\"/>\n";
            $h .= '<meta name="robots" content="' . $a($v['follow'] . ', ' . $v['index'] . ', max-snippet:-1') . "\"/>\n";
            $h .= '<link rel="canonical" href="' . esc_url($v['canonical']) . "\" />\n";
            $h .= '<meta property="og:locale" content="fr_FR" />' . "\n";
            $h .= '<meta property="og:title" content="' . $a($v['og_title']) . "\" />\n";
            $h .= '<meta property="og:description" content="' . $a($v['og_description']) . "\" />\n";
            if ($v['og_image']) {
                $h .= '<meta property="og:image" content="' . esc_url($v['og_image']['url']) . "\" />\n";
                $h .= '<meta property="og:image:width" content="' . (int) $v['og_image']['width'] . "\" />\n";
                $h .= '<meta property="og:image:height" content="' . (int) $v['og_image']['height'] . "\" />\n";
            }
            $h .= '<meta name="twitter:card" content="summary_large_image" />' . "\n";
            if ($v['twitter_title']) {
                $h .= '<meta name="twitter:title" content="' . $a($v['twitter_title']) . "\" />\n";
            }
            $graph = wp_json_encode(['@context' => 'https://schema.org', '@graph' => $v['schema']], JSON_UNESCAPED_SLASHES);
            $h .= '<script type="application/ld+json" class="rank-math-schema">' . $graph . "</script>\n";
            return ['success' => true, 'head' => $h];
        },
    ]);
});
