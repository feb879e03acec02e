// Tests only: the shipped 12329 flow, loaded and checked against the committed prompts.
import { resolve } from 'node:path';
import { APP_ROOT } from '../app-root.js';
import { loadFlowFile, type LoadedFlow } from './flow-loader.js';

export const PROMPTS_DIR = resolve(APP_ROOT, 'resources', 'prompts', 'zh');
export const FLOW_FILE = resolve(APP_ROOT, 'resources', 'ivr', '12329.json');

export function loadStandardFlow(): LoadedFlow {
  return loadFlowFile(FLOW_FILE, PROMPTS_DIR);
}
