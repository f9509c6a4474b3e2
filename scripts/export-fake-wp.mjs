// A WordPress that misbehaves on purpose, for the export test
// (scripts/export-wp.sh): a proxy to the test WordPress that can corrupt
// one post, fail some requests, or be down, and that lists what it served.
//
//   node scripts/export-fake-wp.mjs PORT UPSTREAM [--mangle ID] [--fail REGEX] [--fail-once REGEX] [--down] [--cap N] [--no-embed]
//
// --mangle ID: in full post lists, post ID's `date` becomes unreadable
//   (the mapping rejects it), and in ID lists its modification time is new
//   (so an incremental export fetches it). --fail REGEX: 500 for matching request URLs.
// --fail-once REGEX: 503 the first time only. --down: 503 for everything.
// --cap N: a plugin's per_page cap, WordPress's 400 for any page larger than N.
// --no-embed: `_embedded` taken out of every post (a plugin refusing `_embed`).
// GET /__requests answers the request URLs served so far, in order (each
// prefixed with "auth " when it carried an Authorization header).
import http from 'node:http';

const [port, upstream, ...flags] = process.argv.slice(2);
const opt = (name) => {
  const i = flags.indexOf(name);
  return i < 0 ? null : flags[i + 1];
};
const mangle = opt('--mangle');
const fail = opt('--fail') && new RegExp(opt('--fail'));
const failOnce = opt('--fail-once') && new RegExp(opt('--fail-once'));
const down = flags.includes('--down');
const cap = opt('--cap') && Number(opt('--cap'));
const noEmbed = flags.includes('--no-embed');
const seen = [];
let failedOnce = false;

http
  .createServer((req, res) => {
    if (req.url === '/__requests') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(seen));
    }
    seen.push(req.headers.authorization ? `auth ${req.url}` : req.url);
    const url = decodeURIComponent(req.url);
    if (down || (fail && fail.test(url)) || (failOnce && !failedOnce && failOnce.test(url) && (failedOnce = true))) {
      res.writeHead(down ? 503 : 500, { 'content-type': 'text/html' });
      return res.end('<h1>Error establishing a database connection</h1>');
    }
    const perPage = /[?&]per_page=(\d+)/.exec(url);
    if (cap && perPage && Number(perPage[1]) > cap) {
      res.writeHead(400, { 'content-type': 'application/json; charset=UTF-8' });
      const why = `per_page must be between 1 (inclusive) and ${cap} (inclusive)`;
      return res.end(JSON.stringify({ code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page', data: { status: 400, params: { per_page: why } } }));
    }
    const headers = { ...req.headers, host: new URL(upstream).host };
    delete headers['accept-encoding'];
    const up = http.request(new URL(req.url, upstream), { headers }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        let body = Buffer.concat(chunks);
        const full = /_fields=[^&]*content/.test(url);
        if (mangle && url.includes('/wp/v2/posts') && (full || url.includes('_fields=id,modified_gmt'))) {
          const posts = JSON.parse(body);
          for (const p of posts.filter((p) => String(p.id) === mangle)) {
            if (full) p.date = 'not a date';
            else p.modified_gmt = '2099-01-01T00:00:00';
          }
          body = Buffer.from(JSON.stringify(posts));
        }
        if (noEmbed && url.includes('/wp/v2/posts') && r.statusCode === 200) {
          const posts = JSON.parse(body);
          for (const p of Array.isArray(posts) ? posts : [posts]) delete p._embedded;
          body = Buffer.from(JSON.stringify(posts));
        }
        const out = {};
        for (const h of ['content-type', 'x-wp-total', 'x-wp-totalpages']) if (r.headers[h]) out[h] = r.headers[h];
        res.writeHead(r.statusCode, out);
        res.end(body);
      });
    });
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    up.end();
  })
  .listen(Number(port), '127.0.0.1');
