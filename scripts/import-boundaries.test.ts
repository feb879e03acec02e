import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Only the boundary rule is checked here; cycles have their own probe (import-cycles.test.ts), and
// following a probe's import through the whole server graph would only slow this test down.
const eslint = new ESLint({ overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });

async function restrictedIn(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('import boundaries (eslint)', () => {
  it('keeps Electron out of the bundled server', async () => {
    expect(await restrictedIn('main/server/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
    expect(await restrictedIn('main/server/probe.ts', "import { x } from '../desktop/window.js';\nexport const a = x;\n")).toBe(1);
    expect(await restrictedIn('main/server/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toBe(0);
  });

  it('keeps Node, DOM-free and Electron-free shared/', async () => {
    expect(await restrictedIn('shared/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toBe(1);
    expect(await restrictedIn('shared/probe.ts', "import path from 'path';\nexport const a = path;\n")).toBe(1);
    expect(await restrictedIn('shared/probe.ts', "import React from 'react';\nexport const a = React;\n")).toBe(1);
    expect(await restrictedIn('shared/probe.ts', "import { z } from 'zod';\nexport const a = z;\n")).toBe(0);
  });

  it('keeps the renderer sandboxed', async () => {
    expect(await restrictedIn('renderer/src/probe.ts', "import fs from 'fs';\nexport const a = fs;\n")).toBe(1);
    expect(await restrictedIn('renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toBe(1);
    expect(await restrictedIn('renderer/src/probe.ts', "import { x } from '../../main/server/server';\nexport const a = x;\n")).toBe(1);
    expect(
      await restrictedIn('renderer/src/probe.ts', "import { serverEventSchema } from '../../shared/api/events/index';\nexport const a = serverEventSchema;\n"),
    ).toBe(0);
  });

  it('keeps test kits out of production code, and lets tests and other kits use them', async () => {
    const kit = "import { startTestServer } from '../auth/server-test-kit.js';\nexport const a = startTestServer;\n";
    expect(await restrictedIn('main/server/voice/probe.ts', kit)).toBe(1);
    expect(await restrictedIn('main/server/voice/probe.test.ts', kit)).toBe(0);
    expect(await restrictedIn('main/server/voice/probe-test-kit.ts', kit)).toBe(0);
    expect(await restrictedIn('main/server/gateway/probe.ts', "import { x } from './contract-test-kit/fake-core-system.js';\nexport const a = x;\n")).toBe(1);
    expect(await restrictedIn('shared/probe.ts', "import { x } from '../main/server/media/media-test-kit.js';\nexport const a = x;\n")).toBeGreaterThan(0);
    expect(await restrictedIn('renderer/src/probe.ts', "import { x } from './test-kit/browser-globals';\nexport const a = x;\n")).toBe(1);
    expect(await restrictedIn('renderer/src/stores/probe.test.ts', "import { x } from '../test-kit/browser-globals';\nexport const a = x;\n")).toBe(0);
    // The server's own rule still holds in its tests.
    expect(await restrictedIn('main/server/voice/probe.test.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
  });
});
