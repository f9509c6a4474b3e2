<?php
// Helpers for seed.php: a TOML front-matter reader (the subset content/ uses)
// and a small Markdown → WordPress block HTML converter (paragraphs, headings,
// lists, blockquotes with a "— cite" line, pipe tables, emphasis, links,
// `motif:` figures, raw <iframe> lines), and the seed-key look-up every
// seed-*.php uses. Only functions: WordPress is loaded by the caller.

/** Splits `+++ front matter +++ body`. Returns [array $meta, string $body]. */
function kq_front_matter(string $text): array
{
    if (!preg_match('/\A\+\+\+\r?\n(.*?)\r?\n\+\+\+\r?\n?(.*)\z/s', $text, $m)) {
        return [[], $text];
    }
    return [kq_toml($m[1]), $m[2]];
}

/** The TOML subset of content/: strings, numbers, booleans, one-line arrays, [t] and [[t]]. */
function kq_toml(string $src): array
{
    $root = [];
    $cur = &$root;
    foreach (preg_split('/\r?\n/', $src) as $line) {
        $line = trim($line);
        if ($line === '' || $line[0] === '#') {
            continue;
        }
        if (preg_match('/^\[\[\s*([\w.-]+)\s*\]\]$/', $line, $m)) {
            unset($cur);
            $root[$m[1]][] = [];
            $cur = &$root[$m[1]][count($root[$m[1]]) - 1];
            continue;
        }
        if (preg_match('/^\[\s*([\w.-]+)\s*\]$/', $line, $m)) {
            unset($cur);
            $root[$m[1]] = $root[$m[1]] ?? [];
            $cur = &$root[$m[1]];
            continue;
        }
        if (!preg_match('/^([\w-]+)\s*=\s*(.*)$/', $line, $m)) {
            continue;
        }
        $pos = 0;
        $cur[$m[1]] = kq_toml_value($m[2], $pos);
    }
    unset($cur);
    return $root;
}

function kq_toml_value(string $s, int &$i)
{
    while ($i < strlen($s) && ctype_space($s[$i])) {
        $i++;
    }
    $c = $s[$i] ?? '';
    if ($c === '"') {
        $out = '';
        for ($i++; $i < strlen($s) && $s[$i] !== '"'; $i++) {
            if ($s[$i] === '\\' && $i + 1 < strlen($s)) {
                $e = $s[++$i];
                if ($e === 'u' || $e === 'U') {
                    $len = $e === 'u' ? 4 : 8;
                    $out .= mb_chr(hexdec(substr($s, $i + 1, $len)), 'UTF-8');
                    $i += $len;
                } else {
                    $out .= ['n' => "\n", 't' => "\t", 'r' => "\r"][$e] ?? $e;
                }
            } else {
                $out .= $s[$i];
            }
        }
        $i++;
        return $out;
    }
    if ($c === "'") {
        $end = strpos($s, "'", $i + 1);
        $end = $end === false ? strlen($s) : $end;
        $out = substr($s, $i + 1, $end - $i - 1);
        $i = $end + 1;
        return $out;
    }
    if ($c === '[') {
        $items = [];
        $i++;
        while ($i < strlen($s)) {
            while ($i < strlen($s) && (ctype_space($s[$i]) || $s[$i] === ',')) {
                $i++;
            }
            if (($s[$i] ?? ']') === ']') {
                $i++;
                break;
            }
            $items[] = kq_toml_value($s, $i);
        }
        return $items;
    }
    preg_match('/^[^\s,\]#]+/', substr($s, $i), $m);
    $raw = $m[0] ?? '';
    $i += strlen($raw);
    if ($raw === 'true' || $raw === 'false') {
        return $raw === 'true';
    }
    return is_numeric($raw) ? $raw + 0 : $raw;
}

function kq_esc(string $s): string
{
    return htmlspecialchars($s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

/** Inline Markdown: links, **strong**, *em* / _em_, `code`. $link maps hrefs. */
function kq_inline(string $s, callable $link): string
{
    $out = '';
    $pos = 0;
    if (preg_match_all('/\[([^\]]+)\]\(([^)\s]+)\)/u', $s, $ms, PREG_OFFSET_CAPTURE | PREG_SET_ORDER)) {
        foreach ($ms as $m) {
            $out .= kq_emph(kq_esc(substr($s, $pos, $m[0][1] - $pos)));
            $out .= '<a href="' . kq_esc($link($m[2][0])) . '">' . kq_emph(kq_esc($m[1][0])) . '</a>';
            $pos = $m[0][1] + strlen($m[0][0]);
        }
    }
    return $out . kq_emph(kq_esc(substr($s, $pos)));
}

function kq_emph(string $s): string
{
    $s = preg_replace('/`([^`]+)`/u', '<code>$1</code>', $s);
    $s = preg_replace('/\*\*(.+?)\*\*/u', '<strong>$1</strong>', $s);
    $s = preg_replace('/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/u', '<em>$1</em>', $s);
    return preg_replace('/(?<![\w])_(?!\s)(.+?)(?<!\s)_(?![\w])/u', '<em>$1</em>', $s);
}

/**
 * Markdown → block HTML. $link(href) rewrites link targets; $figure(n, alt,
 * title) returns a figure's block HTML (n is 1-based) or '' to drop it.
 */
function kq_markdown(string $md, callable $link, callable $figure): string
{
    $lines = preg_split('/\r?\n/', $md);
    $blocks = [];
    $n = count($lines);
    $figures = 0;
    for ($i = 0; $i < $n;) {
        $line = $lines[$i];
        if (trim($line) === '') {
            $i++;
            continue;
        }
        if (preg_match('/^(#{1,6})\s+(.*)$/', $line, $m)) {
            $level = max(2, strlen($m[1]));
            $attrs = $level === 2 ? '' : ' {"level":' . $level . '}';
            $blocks[] = "<!-- wp:heading$attrs -->\n<h$level class=\"wp-block-heading\">"
                . kq_inline(trim($m[2]), $link) . "</h$level>\n<!-- /wp:heading -->";
            $i++;
            continue;
        }
        if (preg_match('/^\s*</', $line)) {
            $html = [];
            while ($i < $n && trim($lines[$i]) !== '') {
                $html[] = $lines[$i++];
            }
            $blocks[] = "<!-- wp:html -->\n" . implode("\n", $html) . "\n<!-- /wp:html -->";
            continue;
        }
        if (preg_match('/^\s*>/', $line)) {
            $quote = [];
            while ($i < $n && preg_match('/^\s*>\s?(.*)$/', $lines[$i], $m)) {
                $quote[] = $m[1];
                $i++;
            }
            $cite = '';
            if (preg_match('/^\s*[—–-]\s+(.*)$/u', end($quote), $m)) {
                $cite = '<cite>' . kq_inline($m[1], $link) . '</cite>';
                array_pop($quote);
            }
            $paras = array_filter(array_map('trim', explode("\n\n", implode("\n", $quote))));
            $inner = implode('', array_map(fn ($p) => '<p>' . kq_inline(preg_replace('/\s*\n\s*/', ' ', $p), $link) . '</p>', $paras));
            $blocks[] = "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\">$inner$cite</blockquote>\n<!-- /wp:quote -->";
            continue;
        }
        if (preg_match('/^\s*([-*+]|\d+[.)])\s+/', $line, $m)) {
            $ordered = ctype_digit($m[1][0]);
            $items = [];
            while ($i < $n && trim($lines[$i]) !== '') {
                if (preg_match('/^\s*([-*+]|\d+[.)])\s+(.*)$/', $lines[$i], $m)) {
                    $items[] = $m[2];
                } elseif ($items) {
                    $items[count($items) - 1] .= ' ' . trim($lines[$i]);
                }
                $i++;
            }
            $tag = $ordered ? 'ol' : 'ul';
            $attrs = $ordered ? ' {"ordered":true}' : '';
            $lis = implode("\n", array_map(
                fn ($it) => "<!-- wp:list-item -->\n<li>" . kq_inline($it, $link) . "</li>\n<!-- /wp:list-item -->",
                $items
            ));
            $blocks[] = "<!-- wp:list$attrs -->\n<$tag>$lis</$tag>\n<!-- /wp:list -->";
            continue;
        }
        if (str_starts_with(ltrim($line), '|') && preg_match('/^\s*\|?\s*:?-{3,}/', $lines[$i + 1] ?? '')) {
            $cells = fn ($l) => array_map('trim', explode('|', trim(trim($l), '|')));
            $head = '<thead><tr>' . implode('', array_map(fn ($c) => '<th>' . kq_inline($c, $link) . '</th>', $cells($line))) . '</tr></thead>';
            $i += 2;
            $rows = [];
            while ($i < $n && str_starts_with(ltrim($lines[$i]), '|')) {
                $rows[] = '<tr>' . implode('', array_map(fn ($c) => '<td>' . kq_inline($c, $link) . '</td>', $cells($lines[$i]))) . '</tr>';
                $i++;
            }
            $blocks[] = "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table>$head<tbody>" . implode('', $rows)
                . "</tbody></table></figure>\n<!-- /wp:table -->";
            continue;
        }
        $para = [];
        while ($i < $n && trim($lines[$i]) !== '' && !preg_match('/^(#{1,6}\s|\s*>|\s*([-*+]|\d+[.)])\s)/', $lines[$i])) {
            $para[] = trim($lines[$i++]);
        }
        if (!$para) { // a line no rule took: keep it as a paragraph
            $para[] = trim($lines[$i++]);
        }
        $text = implode(' ', $para);
        if (preg_match('/^!\[([^\]]*)\]\((\S+)(?:\s+"([^"]*)")?\)$/u', $text, $m)) {
            $figures++;
            $html = $figure($figures, $m[1], $m[3] ?? '', $m[2]);
            if ($html !== '') {
                $blocks[] = $html;
            }
            continue;
        }
        $blocks[] = "<!-- wp:paragraph -->\n<p>" . kq_inline($text, $link) . "</p>\n<!-- /wp:paragraph -->";
    }
    return implode("\n\n", $blocks);
}

/** Plain text of short Markdown (author bios): marks removed. */
function kq_plain(string $md): string
{
    $s = preg_replace('/\[([^\]]+)\]\([^)]*\)/u', '$1', $md);
    $s = preg_replace('/(\*\*|\*|_|`)/u', '', $s);
    return trim(preg_replace('/\s+/u', ' ', $s));
}

/** The post (or attachment…) of `type` a seed wrote under `key` (its
 * `_kiosque_seed` meta), or 0. Needs WordPress loaded. */
function kq_seeded_id(string $key, string $type): int
{
    global $wpdb;
    return (int) $wpdb->get_var($wpdb->prepare(
        "SELECT p.ID FROM {$wpdb->posts} p JOIN {$wpdb->postmeta} m ON m.post_id = p.ID
         WHERE m.meta_key = '_kiosque_seed' AND m.meta_value = %s AND p.post_type = %s ORDER BY p.ID LIMIT 1",
        $key,
        $type
    ));
}

/** Stops the seed: the message on stderr, named after the script, exit 1. */
function kq_fail(string $s): void
{
    fwrite(STDERR, basename($GLOBALS['argv'][0] ?? 'seed', '.php') . ": $s\n");
    exit(1);
}

/** The ID of the category `slug` under the demo's category `parent`,
 * created as `name` when missing (test corpora stay out of the top-level
 * navigation). Needs WordPress loaded. */
function kq_child_category(string $slug, string $name, string $parent): int
{
    $top = get_term_by('slug', $parent, 'category');
    if (!$top) {
        kq_fail("no \"$parent\" category: run seed.php first");
    }
    $cat = get_term_by('slug', $slug, 'category');
    if ($cat) {
        return (int) $cat->term_id;
    }
    $r = wp_insert_term($name, 'category', ['slug' => $slug, 'parent' => $top->term_id]);
    if (is_wp_error($r)) {
        kq_fail('category: ' . $r->get_error_message());
    }
    return (int) $r['term_id'];
}

/** Acts as the "admin" user (kses then lets seeded markup through as an
 * editor wrote it); returns its ID, or 1 when there is none. */
function kq_as_admin(): int
{
    $admin = get_user_by('login', 'admin');
    if (!$admin) {
        return 1;
    }
    wp_set_current_user($admin->ID);
    return (int) $admin->ID;
}

/** Writes the published post `slug` (inserted, or updated in place when a post
 * of that slug exists) with `fields` (title, content, excerpt, date, category
 * IDs, author) and returns its ID; stops the seed on WordPress's refusal. */
function kq_upsert_post(string $slug, array $fields): int
{
    $existing = get_page_by_path($slug, OBJECT, 'post');
    $date = $fields['date'];
    $arr = [
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_name' => $slug,
        'post_title' => $fields['title'],
        'post_content' => $fields['content'],
        'post_excerpt' => $fields['excerpt'] ?? '',
        'post_date' => $date,
        'post_date_gmt' => get_gmt_from_date($date),
        'post_category' => $fields['categories'],
        'post_author' => $fields['author'],
    ];
    if ($existing) {
        $arr['ID'] = $existing->ID;
    }
    $id = $existing ? wp_update_post(wp_slash($arr), true) : wp_insert_post(wp_slash($arr), true);
    if (is_wp_error($id)) {
        kq_fail("$slug: " . $id->get_error_message());
    }
    return (int) $id;
}
