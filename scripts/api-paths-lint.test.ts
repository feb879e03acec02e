import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function handWrittenPaths(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

// Issue 10 item 1: the desk calls the API through the route table, never by a path it wrote out.
describe('no hand-written API paths in the desk (eslint)', () => {
  it('refuses /api/ paths in strings and template literals', async () => {
    expect(await handWrittenPaths('renderer/src/stores/probe.ts', "export const a = () => fetch('/api/v1/work-orders');\n")).toBe(1);
    expect(await handWrittenPaths('renderer/src/stores/probe.ts', 'export const a = (id: number) => fetch(`/api/v1/work-orders/${id}`);\n')).toBe(1);
    expect(
      await handWrittenPaths(
        'renderer/src/components/Probe.tsx',
        'export const a = (base: string, id: number) => fetch(`${base}/api/v1/kb/articles/${id}`);\n',
      ),
    ).toBe(1);
  });

  it('lets the desk call through the table, and tests write paths', async () => {
    const call =
      "import { routes } from '../../../shared/api/routes';\nexport const a = (api: { call(r: unknown): unknown }) => api.call(routes.workOrders.list);\n";
    expect(await handWrittenPaths('renderer/src/stores/probe.ts', call)).toBe(0);
    expect(await handWrittenPaths('renderer/src/stores/probe.test.ts', "export const a = '/api/v1/work-orders';\n")).toBe(0);
  });
});
