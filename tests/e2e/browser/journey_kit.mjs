// What the web journeys share: their settings, PASS/FAIL lines, screenshots and axe checks.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';

export const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) {
    console.log(`FAIL: the web journeys need the ${name} environment variable`);
    process.exit(1);
  }
  return value;
};
export const base = env('GATEWAY_URL');
const shotDir = env('SCREENSHOT_DIR');

export const outcome = { failed: false };
export const pass = (message) => console.log(`PASS: ${message}`);
export const fail = (message) => {
  console.log(`FAIL: ${message}`);
  outcome.failed = true;
};
export const check = (ok, good, bad = good) => (ok ? pass(good) : fail(bad));
export class Fatal extends Error {}
export const must = (ok, message) => {
  if (!ok) throw new Fatal(message);
};

export async function screenshot(page, name) {
  const file = path.join(shotDir, name);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
}

/** No serious or critical axe violations on the page as it is now. */
export async function accessible(page, screen) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(
    bad.length === 0,
    `axe: no serious or critical violations on ${screen} (${results.passes.length} rules pass)`,
    `axe on ${screen}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`).join('; ')}`,
  );
}
