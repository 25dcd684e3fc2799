// How long a screen takes to show its data once the data has arrived, in the page's own clock: the moment
// the element that shows it first appears (a MutationObserver) minus the moment the last matching API
// response ended (resource timing). Network time is excluded, so the figure is the console's own work.
import type { Page } from 'playwright-core';

const READY_KEY = '__yzReadyAt';

/** Starts watching, on every later navigation of the page, for the first appearance of each selector. */
export async function watchReady(page: Page, selectors: readonly string[]): Promise<void> {
  await page.addInitScript(({ key, selectors }) => {
    const g = globalThis as any; // the page's globals (this runs in the browser)
    const seen: Record<string, number> = (g[key] = {});
    const check = (): void => {
      for (const s of selectors) if (!(s in seen) && g.document.querySelector(s)) seen[s] = g.performance.now();
    };
    new g.MutationObserver(check).observe(g.document, { childList: true, subtree: true, attributes: true });
  }, { key: READY_KEY, selectors: [...selectors] });
}

/**
 * Milliseconds from the end of the last response whose URL matches `api` (ended before the element
 * appeared) to the first appearance of `selector`; waits for the element.
 */
export async function renderAfterData(page: Page, selector: string, api: RegExp): Promise<number> {
  await page.locator(selector).first().waitFor();
  const { readyAt, ends } = await page.evaluate(({ key, selector }) => {
    const g = globalThis as any;
    const entries = g.performance.getEntriesByType('resource') as { name: string; responseEnd: number }[];
    return { readyAt: (g[key]?.[selector] ?? g.performance.now()) as number, ends: entries.map((e) => ({ name: e.name, end: e.responseEnd })) };
  }, { key: READY_KEY, selector });
  const arrived = ends.filter((e) => api.test(e.name) && e.end <= readyAt).map((e) => e.end);
  if (arrived.length === 0) throw new Error(`no response matching ${api} arrived before ${selector} appeared`);
  return readyAt - Math.max(...arrived);
}

/** When the selector first appeared, in ms since the page's navigation started; waits for it. */
export async function readyAt(page: Page, selector: string): Promise<number> {
  await page.locator(selector).first().waitFor();
  return page.evaluate(({ key, selector }) => {
    const g = globalThis as any;
    return (g[key]?.[selector] ?? g.performance.now()) as number;
  }, { key: READY_KEY, selector });
}
