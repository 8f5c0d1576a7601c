// Screenshots of the review page at 1280 and 400 px, for the README (not a test).
// Usage: node shot.mjs URL OUT_DIR
import { chromium } from "playwright-core";
const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
try {
  for (const width of [1280, 400]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(url);
    await page.waitForSelector("#verdicts tbody tr");
    await page.screenshot({ path: `${out}/review-${width}.png`, fullPage: false });
    await page.locator("#review .item").first().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    await page.screenshot({ path: `${out}/review-${width}-item.png`, fullPage: false });
    await page.close();
  }
} finally { await browser.close(); }
