// Drives the review page as a person would, in Debian's headless Chromium.
// Usage: node review.mjs URL SCREENSHOT_DIR STEP
//   STEP "review": settle the conflict, correct a Member State, in two tabs; screenshots.
//   STEP "check":  only read what the page shows (after a restart).
// Prints one JSON object with what the page showed; tests/review_browser.rs checks it.
import { chromium } from "playwright-core";

const [url, shots, step] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const seen = {};
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", e => { seen.page_errors = (seen.page_errors || []).concat(String(e)); });
  await page.goto(url);
  await page.waitForSelector("#verdicts tbody tr");

  const row = async (p, draft) => {
    const cells = await p.locator(`#verdicts tr[data-draft="${draft}"] td`).allTextContents();
    return { authorize: +cells[1], not_authorize: +cells[3], conflict: +cells[4], support: cells[6], verdict: cells[7] };
  };
  const counted = async p => (await p.locator("#counted").textContent()).trim();
  const decideLeft = async p => (await p.locator("#review-count").textContent()).trim();

  seen.before = { counted: await counted(page), decide: await decideLeft(page) };

  if (step === "review") {
    // The conflict: a decide item; correct it to "authorizes, no comments".
    const item = page.locator('.item[data-kind="conflict"]').first();
    const draft = (await item.locator(".reading b").first().textContent()).replace(/:\s*$/, "").trim();
    seen.conflict_draft = draft;
    seen.before.row = await row(page, draft);
    // The item shows the draft's rows as they look: both decision boxes, outlined as counted.
    const excerpt = item.locator(".excerpt");
    seen.excerpt = {
      shown: await excerpt.count(),
      caption: (await excerpt.locator(".cap").first().textContent().catch(() => "")).trim(),
      used_marks: await excerpt.locator(".mk.used").count(),
      checked_used: await excerpt.locator(".mk.used.checked").count(),
      text: (await excerpt.first().textContent().catch(() => "")),
      // Text from the file is text: a <script> in a reply is shown, never run or parsed.
      script_elements: await page.locator("#review script").count(),
      pwned: await page.evaluate(() => window.pwned === 1),
    };
    await item.getByRole("button", { name: "Correct…" }).click();
    await item.locator("#f-decision").selectOption("authorize");
    await item.locator("#f-comments").selectOption("no_comments");
    await item.locator("#f-reason").fill("confirmed by e-mail of 20 February");
    await item.getByRole("button", { name: "Save correction" }).click();
    await page.waitForFunction(d => {
      const tds = document.querySelectorAll(`#verdicts tr[data-draft="${d}"] td`);
      return tds.length && tds[4].textContent.trim() === "0";
    }, draft);
    seen.after_conflict = { row: await row(page, draft), decide: await decideLeft(page) };

    // A second tab corrects a Member State while the first is open.
    const tab2 = await context.newPage();
    await tab2.goto(url);
    await tab2.waitForSelector("#replies tbody tr");
    const victim = tab2.locator("#replies tbody tr[data-source]").nth(1);
    seen.corrected_source = await victim.getAttribute("data-source");
    seen.corrected_was = (await victim.locator("td").nth(1).textContent()).trim();
    await victim.getByRole("button", { name: "Correct…" }).click();
    const fix = tab2.locator("#reply-fix form").first();
    await fix.locator("#f-member_state").selectOption("none");
    await fix.locator("#f-reason").fill("sent by a company, not an administration");
    await fix.getByRole("button", { name: "Save correction" }).click();
    await tab2.waitForFunction(was => !document.querySelector("#counted").textContent.startsWith(was), seen.before.counted.split(" ")[0] + " ");
    seen.after_member_state = { counted: await counted(tab2) };

    // Back in the first tab: it shows the other tab's decision too.
    await tab2.close();
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await page.waitForFunction(c => document.querySelector("#counted").textContent.trim() === c, seen.after_member_state.counted);
    seen.first_tab_counted = await counted(page);
    seen.final_row = await row(page, draft);

    await page.screenshot({ path: `${shots}/review-1280.png`, fullPage: false });
    await page.setViewportSize({ width: 400, height: 900 });
    await page.screenshot({ path: `${shots}/review-400.png`, fullPage: false });
  } else {
    const draft = process.env.DRAFT;
    if (draft) seen.row = await row(page, draft);
    seen.counted = await counted(page);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
