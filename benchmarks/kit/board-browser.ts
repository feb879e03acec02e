// The team lead's board in Chromium during a benchmark: each pushed supervision event is timed
// from its arrival on the socket to the next painted frame (React's render included).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../../e2e/fixtures/chromium.js';
import { median, percentile, round, type BenchRow } from '../bench-kit.js';

// In the page (a string: this file is compiled without the DOM's types). Every socket the desk
// opens gets a first message listener: the time starts as a supervision event arrives and stops
// after the frame that follows it (React renders the store's change before that paint).
const TIMING_SCRIPT = `
  window.boardTimes = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.startsWith('{"type":"supervision.')) return;
        const start = performance.now();
        requestAnimationFrame(() => setTimeout(() => window.boardTimes.push(performance.now() - start), 0));
      });
    }
  };
`;

export interface BoardInBrowser {
  /** ms from each supervision event's arrival to the next frame. */
  collect(): Promise<number[]>;
  close(): Promise<void>;
}

/** Opens the built desk, signs the lead in and waits for the live board; throws with why not. */
export async function openBoard(url: string, workNumber = '2001'): Promise<BoardInBrowser> {
  if (!existsSync(resolve('dist/renderer/index.html'))) throw new Error('dist/renderer is not built (npm run build:renderer)');
  const browser: Browser = await chromium.launch({
    ...(SYSTEM_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await (
      await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 1920, height: 1080 },
      })
    ).newPage();
    await page.addInitScript({ content: TIMING_SCRIPT });
    await page.goto(url);
    await page.getByLabel('工号').fill(workNumber);
    await page.getByLabel('密码').fill(`demo${workNumber}`);
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('main.supervision[data-live="true"]').waitFor({ timeout: 20_000 });
    await page.evaluate('window.boardTimes.splice(0)');
    return {
      collect: () => page.evaluate('[...window.boardTimes]') as Promise<number[]>,
      close: () => browser.close(),
    };
  } catch (error) {
    if (process.env.BENCH_DEBUG_SHOT) await browser.contexts()[0]?.pages()[0]?.screenshot({ path: process.env.BENCH_DEBUG_SHOT });
    await browser.close();
    throw error;
  }
}

export function browserRows(name: string, times: number[]): BenchRow[] {
  const note = `${times.length} events; arrival on the socket → next painted frame, 1920×1080, all agents shown`;
  return [
    {
      benchmark: name,
      metric: 'browser time per update, median',
      value: round(median(times), 1),
      unit: 'ms',
      note,
    },
    {
      benchmark: name,
      metric: 'browser time per update, p99',
      value: round(percentile(times, 99), 1),
      unit: 'ms',
      note,
    },
  ];
}
