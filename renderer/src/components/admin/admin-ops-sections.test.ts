import { beforeEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { stubBrowserGlobals } from '../../test-kit/browser-globals';

stubBrowserGlobals();
const { default: i18n } = await import('../../i18n');
const { BackupTable } = await import('./backups/BackupsSection');
const { scheduleProblem, formatBytes } = await import('./backups/backup-text');
const { pinFormProblem, EMPTY_PIN_FORM } = await import('./caller-pins/pin-form');
const { refusedRows } = await import('./caller-pins/PinImport');
const { parseImportFile } = await import('./caller-pins/pin-import-file');
const { ADMIN_SECTIONS } = await import('./admin-sections');

const at = '2026-12-01T03:30:00+08:00';
const list = {
  schedule: { dailyAt: '03:30', keep: 7, nextRunAt: null, lastRunAt: null },
  backups: [
    {
      file: 'agent-desk-20261201-033000.sqlite',
      bytes: 5_242_880,
      writtenAt: at,
      check: { ok: true, checkedAt: at, kind: 'written' as const, schemaVersion: 22, problem: null },
    },
    {
      file: 'agent-desk-20261130-033000.sqlite',
      bytes: 2048,
      writtenAt: at,
      check: { ok: false, checkedAt: at, kind: 'verified' as const, schemaVersion: null, problem: 'database disk image is malformed' },
    },
    { file: 'agent-desk-20261129-033000.sqlite', bytes: 2048, writtenAt: at, check: null },
  ],
};

describe('the admin-ops sections', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('register 备份 and 电话查询密码 in the console, each with a label in both languages', async () => {
    const ids = ADMIN_SECTIONS.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['backups', 'callerPins']));
    expect(i18n.t('admin.sections.backups')).toBe('备份');
    expect(i18n.t('admin.sections.callerPins')).toBe('电话查询密码');
    await i18n.changeLanguage('en');
    expect(i18n.t('admin.sections.callerPins')).toBe('Telephone PINs');
  });

  it('lists each copy with its size and check: written, failed with SQLite words, not checked', () => {
    const html = renderToStaticMarkup(createElement(BackupTable, { data: list, timeZone: 'Asia/Shanghai', onVerify: () => undefined }));
    const states = [...html.matchAll(/data-check="(\w+)"/g)].map((m) => m[1]);
    expect(states).toEqual(['ok', 'failed', 'none']);
    expect(html).toContain('5.0 MB');
    expect(html).toContain('写入时校验通过');
    expect(html).toContain('校验失败（2026-12-01 03:30）：database disk image is malformed');
    expect(html).toContain('未校验');
    expect(
      renderToStaticMarkup(createElement(BackupTable, { data: { ...list, backups: [] }, timeZone: 'Asia/Shanghai', onVerify: () => undefined })),
    ).toContain('还没有备份');
  });

  it('refuses a bad schedule in the form, naming the field', () => {
    expect(scheduleProblem({ daily: true, dailyAt: '', keep: '14' })).toEqual({ field: 'dailyAt', key: 'adminOps.backups.errors.time' });
    expect(scheduleProblem({ daily: false, dailyAt: '', keep: '14' })).toBeUndefined();
    for (const keep of ['0', '366', '1.5', 'x', '']) expect(scheduleProblem({ daily: true, dailyAt: '02:00', keep })?.field, keep).toBe('keep');
    expect(formatBytes(900)).toBe('1 KB');
  });

  it('checks the outlet form in the order it is filled', () => {
    const ok = { ...EMPTY_PIN_FORM, documentNumber: 'E1234567', account: '330100123456', pin: '739154', pinAgain: '739154', checked: true };
    expect(pinFormProblem(ok)).toBeUndefined();
    expect(pinFormProblem({ ...ok, documentNumber: '12' })?.field).toBe('documentNumber');
    expect(pinFormProblem({ ...ok, account: '12' })?.field).toBe('account');
    expect(pinFormProblem({ ...ok, pin: '12345a', pinAgain: '12345a' })?.field).toBe('pin');
    expect(pinFormProblem({ ...ok, pinAgain: '739155' })?.field).toBe('pinAgain');
    expect(pinFormProblem({ ...ok, checked: false })?.field).toBe('checked');
  });

  it('names every refused import row by its line in the file: the file check and the server, merged in order', () => {
    const file = parseImportFile('subjectKind,subjectId,hash\nperson,330100000001,h1\ncompany,E01,h2\nperson,330100000003,bad\n');
    expect(refusedRows(file, { imported: 1, refused: [{ index: 1, reason: 'bad_hash' }] })).toEqual([
      { line: 3, subject: 'E01', reason: 'bad_kind' },
      { line: 4, subject: '********0003', reason: 'bad_hash' },
    ]);
  });
});
