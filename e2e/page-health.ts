import { expect, type Page } from "@playwright/test";

/**
 * Collects what a page reports as broken while a test visits it: console errors and uncaught
 * exceptions. Call once per page (tab), then `expectClean()` after each visit.
 */
export function watchPageHealth(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  return {
    /** Fails with every console or page error reported since the last call, and starts afresh. */
    expectClean(what: string) {
      const found = problems.splice(0);
      expect.soft(found, `${what}: no console or page errors`).toEqual([]);
    },
  };
}

/**
 * What sticks out past the right edge of the viewport: the document's own scroll width, and every
 * rendered element whose right edge is beyond it, unless a scrolling (or clipping) box that itself
 * ends inside the viewport holds it — a table scrolled inside its own box is intended, a page
 * wider than the phone is not.
 */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; width: number; offenders: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX !== "visible" && parent.getBoundingClientRect().right <= width + 1) return true;
      }
      return false;
    };
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : "";
      const testId = element.getAttribute("data-testid");
      const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const right = Math.round(element.getBoundingClientRect().right);
      return `${element.tagName.toLowerCase()}${id}${testId ? `[data-testid=${testId}]` : ""} right=${right} "${text}"`;
    };
    const offenders: string[] = [];
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
      if (getComputedStyle(element).visibility === "hidden") continue;
      if (!clipped(element)) offenders.push(describe(element));
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 10) };
  });
}

/**
 * Asserts the page is no wider than the viewport and nothing sticks out of it unintended. Both
 * helpers assert softly: a test that visits every page reports every page that fails, then fails.
 */
export async function expectNoHorizontalOverflow(page: Page, what: string) {
  const found = await horizontalOverflow(page);
  expect.soft(found.offenders, `${what}: elements past the right edge (${found.width} px)`).toEqual([]);
  expect.soft(found.scrollWidth, `${what}: page width`).toBeLessThanOrEqual(found.width);
}
