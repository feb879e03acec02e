import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flow } from '../ivr/flow-schema.js';

/** Prompts the IVR reads inside a menu but which no flow node names (caller-io.ts's readouts and lists). */
const READOUT_MENU_PROMPTS = ['menu-after-query', 'outlets-choose', 'press'];

/**
 * Every shipped prompt with its text (resources/prompts/zh/prompts.json, what the build spoke),
 * and which of them are a menu's spoken sentences: those the flow's menus play.
 */
export interface PromptCatalog {
  ids: readonly string[];
  text(id: string): string | undefined;
  isMenu(id: string): boolean;
}

export function loadPromptCatalog(shippedDir: string, flow: Flow): PromptCatalog {
  const texts = JSON.parse(readFileSync(join(shippedDir, 'prompts.json'), 'utf8')) as Record<string, string>;
  const menu = new Set(READOUT_MENU_PROMPTS);
  for (const node of Object.values(flow.nodes)) {
    if (node.type === 'menu') for (const p of node.prompts) if (typeof p === 'string') menu.add(p);
  }
  const ids = Object.keys(texts).sort((a, b) => Number(menu.has(b)) - Number(menu.has(a)) || a.localeCompare(b));
  return { ids, text: (id) => texts[id], isMenu: (id) => menu.has(id) };
}
