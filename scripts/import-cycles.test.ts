import { afterAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// import-x/no-cycle needs the files on disk: each probe writes two modules that import each other
// into a throwaway folder of the tree it checks, and lints one of them.
const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function cyclesIn(tree: string, files: Record<string, string>, linted: string): Promise<number> {
  const folder = mkdtempSync(join(root, tree, 'cycle-probe-'));
  folders.push(folder);
  for (const [name, code] of Object.entries(files)) writeFileSync(join(folder, name), code);
  const filePath = join(folder, linted);
  const [result] = await eslint.lintText(files[linted]!, { filePath: relative(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'import-x/no-cycle').length;
}

// The first lint loads typescript-eslint and follows the imports: seconds on a busy machine.
describe('no import cycles (eslint import-x/no-cycle)', { timeout: 60_000 }, () => {
  it('fires on two renderer stores that import each other (extensionless imports)', async () => {
    const files = {
      'a-store.ts': "import { b } from './b-store';\nexport const a = () => b;\n",
      'b-store.ts': "import { a } from './a-store';\nexport const b = () => a;\n",
    };
    expect(await cyclesIn('renderer/src/stores', files, 'a-store.ts')).toBe(1);
  });

  it('fires on a cycle through a third module in shared/ and in the server (./x.js for x.ts)', async () => {
    const shared = {
      'a.ts': "import { c } from './c.js';\nexport const a = () => c;\n",
      'b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'c.ts': "import { b } from './b.js';\nexport const c = () => b;\n",
    };
    expect(await cyclesIn('shared', shared, 'a.ts')).toBe(1);
    expect(await cyclesIn('main/server', shared, 'b.ts')).toBe(1);
  });

  it('stays quiet on a one-way import', async () => {
    const files = {
      'a-store.ts': "import { b } from './b-store';\nexport const a = () => b;\n",
      'b-store.ts': 'export const b = 1;\n',
    };
    expect(await cyclesIn('renderer/src/stores', files, 'a-store.ts')).toBe(0);
  });
});
