import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';
import { ApiError } from './api-client';
import { errorField, errorText } from './api-error-text';

const SERVER_CODES = [
  'forbidden_role',
  'other_department',
  'not_own_draft',
  'own_order',
  'team_lead_cannot_confirm',
  'no_extension_request',
  'extension_pending',
  'unknown_department',
  'illegal_transition',
  'changed_meanwhile',
  'not_a_draft',
  'calendar_missing',
  'not_found',
  'department_exists',
  'unknown_user',
  'wrong_role',
];

describe('server errors in the desk language', () => {
  it('has a Chinese and an English sentence for every work-order error code', async () => {
    for (const [lng, resources] of [['zh-CN', zh], ['en', en]] as const) {
      const i18n = i18next.createInstance();
      await i18n.init({ lng, resources: { [lng]: { translation: resources } } });
      for (const code of SERVER_CODES) {
        const text = errorText(i18n.t, new ApiError(403, code, 'english from the server'));
        expect(text, `${lng} ${code}`).not.toContain('english from the server');
        expect(text, `${lng} ${code}`).not.toBe(i18n.t('orderDesk.errors.unknown', { status: 403 }));
      }
    }
  });

  it('names the field a bad request is about', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zh } } });
    const missing = new ApiError(400, 'invalid_request', 'resolve needs resolution', [{ path: 'resolution', message: 'required' }]);
    expect(errorField(missing)).toBe('resolution');
    expect(errorText(i18n.t, missing)).toBe('请填写办理结果');
    expect(errorField(new ApiError(400, 'unknown_department', 'x', { field: 'department' }))).toBe('department');
    expect(errorField(new ApiError(500, 'internal_error', 'x'))).toBeUndefined();
  });
});
