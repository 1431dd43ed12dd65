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
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
    )) as AxeResult;
    const summary = result.violations.map(
      (v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
    expect(summary, url).toEqual([]);
  } finally {
    await audit.close();
  }
}

const CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea";

/** Every visible control has an accessible label (label[for], aria-label or its own text for buttons/links). */
export async function expectLabelledControls(page: Page) {
  const unlabelled = await page.$$eval("input:not([type=hidden]), select, textarea", (elements) =>
    elements
      .filter((el) => {
        const id = el.getAttribute("id");
        const label = id ? document.querySelector(`label[for="${id}"]`) : null;
        return !label?.textContent?.trim() && !el.getAttribute("aria-label") && !el.closest("label");
      })
      .map((el) => el.outerHTML),
  );
  expect(unlabelled).toEqual([]);
}

/** Tab from the top reaches every control once, and each shows a focus outline while focused. */
export async function expectKeyboardReachable(page: Page) {
  const total = await page.$$eval(
    CONTROLS,
    (els) =>
      els.filter((el) => (el as HTMLElement).offsetParent !== null || el.classList.contains("skip")).length,
  );
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  const unringed: string[] = [];
  // A date input takes a Tab per segment (day, month, year), so allow some extra presses.
  for (let i = 0; i < total + 10 && reached.size < total; i++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const path = [
        ...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea"),
      ].indexOf(el);
      return {
        path,
        ring: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
        html: el.outerHTML.slice(0, 120),
      };
    });
    if (!focus) continue;
    reached.add(String(focus.path));
    if (!focus.ring) unringed.push(focus.html);
  }
  expect(unringed).toEqual([]);
  expect(reached.size).toBe(total);
}
