import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

// This file sits two levels below the app root both as source (main/server/) and as the
// bundle (dist/server/), so one relative step serves tests, the headless server and the app.
export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const APP_VERSION: string = (JSON.parse(readFileSync(resolve(APP_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
