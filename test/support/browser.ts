// Debian's chromium driven by playwright-core (no browser download): headless, no sandbox (root in CI), no
// background networking, a fresh profile per browser. Pages at the two sizes the console is built for, with
// every console error and failed request collected so a test can assert there were none, an axe-core
// check, and screenshots under test-results/screenshots for a person to look at.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PHONE = { width: 390, height: 844 } as const;
export const DESK = { width: 1280, height: 800 } as const;
export type Size = typeof PHONE | typeof DESK;

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export interface Browser {
  /** A new page (its own cookies) at a size; `problems` collects console errors and failed requests. */
  page(size: Size, opts?: { offline?: boolean }): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
  screenshot(name: string): Promise<void>;
  /** axe-core's serious and critical violations on the page as it is now, as readable lines. */
  axe(): Promise<string[]>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const launcher = chromium;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    async page(size, opts = {}) {
      const profile = mkdtempSync(join(tmpdir(), 'yunzhou-chromium-'));
      profiles.push(profile);
      const context = await launcher.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-gpu'],
        viewport: size,
        deviceScaleFactor: 1,
        isMobile: size.width < 600,
        hasTouch: size.width < 600,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        offline: opts.offline ?? false,
      });
      contexts.push(context);
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(20_000);
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      return {
        page,
        context,
        problems,
        async screenshot(name) {
          await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: false });
        },
        async axe() {
          // Judged at rest: no element mid-transition, and no passing toast (it fades out while axe runs, and
          // axe reads half-transparent text as low contrast). Vue marks a running transition's element.
          // Polled with evaluate (through the DevTools protocol): waitForFunction would compile its predicate in the
          // page, which the console's CSP (no unsafe-eval) refuses.
          const atRest = "!document.querySelector('[class*=\"-enter-active\"], [class*=\"-leave-active\"]') && ![...document.querySelectorAll('.van-toast')].some((el) => getComputedStyle(el).display !== 'none')";
          for (let i = 0; i < 50 && !(await page.evaluate(atRest)); i++) await new Promise((r) => setTimeout(r, 100));
          await page.evaluate(AXE_SOURCE); // evaluated through the DevTools protocol: the page's CSP stays strict
          const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        },
        async close() {
          await context.close();
        },
      };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      for (const p of profiles) rmSync(p, { recursive: true, force: true });
    },
  };
}
