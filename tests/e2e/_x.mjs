import { chromium } from 'playwright';
import { startServer } from '../../scripts/serve.mjs';
const s = await startServer({ root: 'target/dist-wp', port: 4299, host: '127.0.0.1' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
let bad = 0;
for (let i = 0; i < 6; i++) {
  const p = await b.newPage();
  p.on('console', (m) => m.type() !== 'log' && console.log('console', m.type(), m.text().slice(0, 300)));
  p.on('pageerror', (e) => console.log('pageerror', e.message));
  await p.goto('http://127.0.0.1:4299/category/monde');
  const sport = p.locator('.nav__link[href="/category/sport"]');
  await sport.hover();
  await p.waitForFunction(() => window.__kiosqueStart);
  await sport.click();
  await p.waitForTimeout(2500);
  const h1 = await p.locator('h1').first().textContent();
  console.log(i, p.url(), h1);
  if (!/Sport/.test(h1)) bad++;
  await p.close();
}
console.log('bad', bad);
await b.close(); s.close(); process.exit(0);
