import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_ROOT } from './app-root.js';
import { CONFIG_FILE_ENV, CONFIG_FILE_FLAG, configHelp, SETTINGS, shownDefault, type SettingKey } from './config.js';

/** The README's flag table as rows of cells, backticks kept. */
function readmeFlagTable(): string[][] {
  const lines = readFileSync(resolve(APP_ROOT, 'README.md'), 'utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith('| flag | environment | config key | default |'));
  expect(header, 'README has the flag table').toBeGreaterThan(0);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

describe("README's flag table", () => {
  const rows = readmeFlagTable();
  const keys = Object.keys(SETTINGS) as SettingKey[];

  it('has one row per setting and the --config row, nothing else', () => {
    const documented = rows.map((row) => unquote(row[2]!)).filter((key) => key !== '—');
    expect(documented.sort()).toEqual([...keys].sort());
    expect(rows.find((row) => row[0] === `\`--${CONFIG_FILE_FLAG} FILE\``)?.[1]).toBe(`\`${CONFIG_FILE_ENV}\``);
  });

  it.each(keys)('states %s with its flag, environment variable and default', (key) => {
    const spec = SETTINGS[key] as { flag?: string; env?: string };
    const row = rows.find((r) => unquote(r[2]!) === key)!;
    expect(row, `a README row for ${key}`).toBeDefined();
    const [flag, env, , shown] = row as [string, string, string, string];
    expect(flag).toBe(spec.flag ? `\`--${spec.flag}\`` : '—');
    expect(env).toBe(spec.env ? `\`${spec.env}\`` : '—');
    expect(unquote(shown)).toBe(shownDefault(key));
  });

  it('matches --help, which lists every flag and variable', () => {
    const help = configHelp();
    for (const key of keys) {
      const spec = SETTINGS[key] as { flag?: string; env?: string };
      expect(help).toContain(`key ${key}`);
      if (spec.flag) expect(help).toContain(`--${spec.flag}`);
      if (spec.env) expect(help).toContain(spec.env);
    }
  });
});
