<?php
// Seeds two posts holding every text-level construct of issue 19 (item 2):
// nested and numbered lists, definition lists, details, verse, pull quotes,
// quotes with citations, code, buttons, the file block, audio and video,
// an unregistered shortcode, an h1 in the body; one post in block-editor
// markup, one in classic-editor markup (with the [audio]/[video] shortcodes,
// which WordPress renders itself). For tests/e2e and the adapter tests.
//
// Out of the way of the other tests: dated 2020 (never on the home's first
// pages), in their own child category of "monde" (the navigation lists
// top-level categories only), no tags, no featured image. Media URLs point at
// the site's uploads; the files need not exist (the markup is what is tested).
//
// Usage: php seed-blocks-a.php http://127.0.0.1:8081
// Idempotent: posts are keyed by slug; a rerun updates them in place.

require __DIR__ . '/wp-boot.php';
require __DIR__ . '/seed-lib.php';

kses_remove_filters();
$admin_id = kq_as_admin();

$cat_id = kq_child_category('blocs-texte', 'Blocs de texte', 'monde');
$up = "$origin/wp-content/uploads/kiosque-blocs";

$block_editor = <<<HTML
<!-- wp:paragraph -->
<p>Un article qui réunit les blocs de texte de l’éditeur de blocs.</p>
<!-- /wp:paragraph -->

<!-- wp:heading {"level":1} -->
<h1 class="wp-block-heading">Un titre de niveau un dans le corps</h1>
<!-- /wp:heading -->

<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item -->
<li>Fruits<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item -->
<li>Pommes<!-- wp:list {"ordered":true,"type":"lower-alpha","start":3,"reversed":true} -->
<ol reversed start="3" style="list-style-type:lower-alpha" class="wp-block-list" type="a"><!-- wp:list-item -->
<li>Reinette</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Golden</li>
<!-- /wp:list-item --></ol>
<!-- /wp:list --></li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Poires</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list --></li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Légumes</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:details -->
<details class="wp-block-details"><summary>Comment avons-nous compté&nbsp;?</summary><!-- wp:paragraph {"placeholder":"Type / to add a hidden block"} -->
<p>Les chiffres viennent du registre communal.</p>
<!-- /wp:paragraph --></details>
<!-- /wp:details -->

<!-- wp:verse -->
<pre class="wp-block-verse">Le vent se lève
    il faut tenter de vivre

L’air immense ouvre et referme mon livre</pre>
<!-- /wp:verse -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>La citation garde son auteur.</p>
<!-- /wp:paragraph --><cite>Paul Valéry</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>Une phrase mise en exergue.</p><cite>La rédaction</cite></blockquote></figure>
<!-- /wp:pullquote -->

<!-- wp:code -->
<pre class="wp-block-code"><code>fn main() {
    println!("[pas_un_shortcode]");
}</code></pre>
<!-- /wp:code -->

<!-- wp:buttons -->
<div class="wp-block-buttons"><!-- wp:button -->
<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://example.org/abonnement">S’abonner</a></div>
<!-- /wp:button -->

<!-- wp:button -->
<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="javascript:alert(1)">Bouton piégé</a></div>
<!-- /wp:button --></div>
<!-- /wp:buttons -->

<!-- wp:file {"href":"$up/rapport.pdf","displayPreview":true} -->
<div class="wp-block-file"><object class="wp-block-file__embed" data="$up/rapport.pdf" type="application/pdf" style="width:100%;height:600px" aria-label="Intégration de Rapport annuel"></object><a id="wp-block-file--media-blocs" href="$up/rapport.pdf">Rapport annuel</a><a href="$up/rapport.pdf" class="wp-block-file__button wp-element-button" download aria-describedby="wp-block-file--media-blocs">Télécharger</a></div>
<!-- /wp:file -->

<!-- wp:audio -->
<figure class="wp-block-audio"><audio controls autoplay loop src="$up/entretien.mp3"></audio><figcaption class="wp-element-caption">L’entretien complet</figcaption></figure>
<!-- /wp:audio -->

<!-- wp:video -->
<figure class="wp-block-video"><video controls autoplay muted loop poster="$up/affiche.jpg" src="$up/reportage.mp4" width="1280" height="720"></video><figcaption class="wp-element-caption">Le reportage</figcaption></figure>
<!-- /wp:video -->

<!-- wp:kiosque/inconnu -->
<div class="wp-block-kiosque-inconnu"><span>Le texte d’un bloc inconnu reste lisible.</span></div>
<!-- /wp:kiosque/inconnu -->
HTML;

$classic = <<<HTML
Un article écrit dans l’éditeur classique.

<ol start="4" type="I">
	<li>Quatrième
<ul>
	<li>imbriqué</li>
</ul>
</li>
	<li>Cinquième</li>
</ol>
<dl>
	<dt>Terme</dt>
	<dd>Sa définition.</dd>
	<dt>Autre terme</dt>
	<dd>Une autre définition.</dd>
</dl>
<blockquote>Une citation classique.
<footer>— Victor Hugo</footer></blockquote>
<pre><code>let x = 1;</code></pre>
[kiosque_inconnu couleur="rouge"]Le texte d’un code court inconnu.[/kiosque_inconnu]

[audio src="$up/chronique.mp3"]

[video src="$up/extrait.mp4" width="640" height="360" poster="$up/extrait.jpg"]
HTML;

$posts = [
    'blocs-texte-editeur-de-blocs' => ['Blocs de texte, éditeur de blocs', $block_editor, '2020-06-01 10:00:00'],
    'blocs-texte-editeur-classique' => ['Blocs de texte, éditeur classique', $classic, '2020-06-02 10:00:00'],
];
foreach ($posts as $slug => [$title, $content, $date]) {
    $id = kq_upsert_post($slug, [
        'title' => $title,
        'content' => $content,
        'date' => $date,
        'categories' => [$cat_id],
        'author' => $admin_id,
    ]);
    fwrite(STDERR, "seed-blocks-a: $slug = post $id\n");
}
