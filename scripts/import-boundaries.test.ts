import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

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
    expect(await restrictedIn('renderer/src/probe.ts', "import { serverEventSchema } from '../../shared/api/events/index';\nexport const a = serverEventSchema;\n")).toBe(0);
  });
});
