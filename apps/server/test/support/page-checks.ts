// The accessibility pass every console page gets in Chromium: axe-core (from node_modules) reporting
// no violations, every form control with a label, and the keyboard: Tab reaches every control, each
// with a visible focus ring.
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * axe in a context that ignores the page's CSP (the console admits no script but its own, by design),
 * sharing the signed-in cookies of `context`, so the very same page is checked.
 */
export async function expectNoAxeViolations(context: BrowserContext, url: string) {
  const browser = context.browser();
  if (!browser) throw new Error("no browser");
  const audit = await browser.newContext({ bypassCSP: true, storageState: await context.storageState() });
  try {
    const page = await audit.newPage();
    await page.goto(url);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate<AxeResult>("axe.run()");
    const summary = result.violations.map(
      (v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
    expect(summary, url).toEqual([]);
  } finally {
    await audit.close();
  }
}

// The checks run inside the page, so they are written as the page's JavaScript (this package's
// TypeScript has no DOM types, and must not: the server code would see them too).
const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea";

const UNLABELLED = `[...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
  .filter((el) => {
    const id = el.getAttribute("id");
    const label = id ? document.querySelector('label[for="' + id + '"]') : null;
    return !(label && label.textContent.trim()) && !el.getAttribute("aria-label") && !el.closest("label");
  })
  .map((el) => el.outerHTML)`;

const VISIBLE_CONTROLS = `[...document.querySelectorAll(${JSON.stringify(CONTROLS)})]
  .filter((el) => el.offsetParent !== null || el.classList.contains("skip")).length`;

const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const index = [...document.querySelectorAll(${JSON.stringify(CONTROLS)})].indexOf(el);
  return { index, ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2, html: el.outerHTML.slice(0, 120) };
})()`;

/** Every visible control has an accessible label (label[for], aria-label or an enclosing label). */
export async function expectLabelledControls(page: Page) {
  expect(await page.evaluate<string[]>(UNLABELLED)).toEqual([]);
}

/** Tab from the top reaches every control, and each shows a focus outline while focused. */
export async function expectKeyboardReachable(page: Page) {
  const total = await page.evaluate<number>(VISIBLE_CONTROLS);
  await page.evaluate("document.activeElement && document.activeElement.blur()");
  const reached = new Set<number>();
  const unringed: string[] = [];
  for (let i = 0; i < total + 10 && reached.size < total; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate<{ index: number; ring: boolean; html: string } | null>(FOCUSED);
    if (!focus) continue;
    reached.add(focus.index);
    if (!focus.ring) unringed.push(focus.html);
  }
  expect(unringed).toEqual([]);
  expect(reached.size).toBe(total);
}
