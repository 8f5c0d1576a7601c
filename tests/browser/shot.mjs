// Screenshots of the review page for the README (not a test): the top of the page at 1280 and
// 400 px wide, and the first item of a kind (default: conflict) at both widths.
// Usage: node shot.mjs URL OUT_DIR [KIND]
import { chromium } from "playwright-core";
const [url, out, kind = "conflict"] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
try {
  for (const [width, height] of [[1280, 1000], [400, 1500]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url);
    await page.waitForSelector("#verdicts tbody tr");
    await page.screenshot({ path: `${out}/review-${width}.png` });
    const item = page.locator(`#review .item[data-kind="${kind}"]`).first();
    await item.screenshot({ path: `${out}/review-${width}-${kind}.png` });
    await page.close();
  }
} finally { await browser.close(); }
