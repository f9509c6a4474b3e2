import { startServer } from '/work/main/scripts/serve.mjs';
import { lighthouseOnce } from '/work/main/scripts/bench/lighthouse.mjs';
const root = process.argv[2];
const label = process.argv[3];
const server = await startServer({ root, port: 4173, host: '127.0.0.1' });
const pages = { category: '/category/maghreb', article: '/article/inflation-tunisie-menages-reinventent-panier-de-rentree', home: '/' };
for (const [id, route] of Object.entries(pages)) {
  const rs = [];
  for (let r = 0; r < 3; r++) {
    const res = await lighthouseOnce({ repo: '/work/main', url: `http://127.0.0.1:4173${route}`, outFile: `/tmp/lh/${label}-${id}-${r}.json` });
    rs.push(res);
  }
  const med = (k) => rs.map((x) => x[k]).sort((a, b) => a - b)[1];
  console.log(label, id, 'LCP', Math.round(med('lcp_ms')), 'TBT', Math.round(med('tbt_ms')), 'FCP', Math.round(med('fcp_ms')), 'score', med('score'));
}
server.close();
