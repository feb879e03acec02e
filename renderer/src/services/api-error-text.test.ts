import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import zh from '../i18n/zh-CN.json';
import en from '../i18n/en.json';
import { ApiError } from './api-client';
import { errorField, errorText, fieldIssues } from './api-error-text';
import { FIELD_ISSUE_CODES } from '../../../shared/api/field-issues';

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
    for (const [lng, resources] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
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

describe('field issues in the desk language (issue 10)', () => {
  const init = async (lng: 'zh-CN' | 'en') => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng, resources: { [lng]: { translation: lng === 'en' ? en : zh } } });
    return i18n;
  };
  const invalid = (path: string, code: string, extra: object = {}) =>
    new ApiError(400, 'invalid_request', `invalid body: ${path}: english`, [{ path, code, message: 'english', ...extra }]);

  it("says what is wrong with the callback number in Chinese, with none of the server's English", async () => {
    const i18n = await init('zh-CN');
    const error = new ApiError(400, 'invalid_request', 'invalid body: callbackNumber: a phone number', [
      { path: 'callbackNumber', code: 'phone_number', message: 'a phone number' },
    ]);
    const text = errorText(i18n.t, error);
    expect(text).toBe('回电号码不是有效的电话号码，请只填数字（可含 +、- 和空格），3 到 20 位');
    expect(text).not.toMatch(/[A-Za-z]{2,}/);
    expect(errorField(error)).toBe('callbackNumber');
  });

  it('has a sentence for every field issue code in both languages, naming the field', async () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const i18n = await init(lng);
      for (const code of FIELD_ISSUE_CODES) {
        const text = errorText(i18n.t, invalid('title', code, { minimum: 2, maximum: 100 }));
        expect(text, `${lng} ${code}`).not.toContain('english');
        expect(text, `${lng} ${code}`).not.toContain('apiErrors');
        if (code !== 'unknown_field' && code !== 'nothing_to_change') expect(text, `${lng} ${code}`).toContain(lng === 'en' ? 'Subject' : '事由');
        if (code !== 'invalid') expect(text, `${lng} ${code}`).not.toBe(i18n.t('apiErrors.field.invalid', { field: lng === 'en' ? 'Subject' : '事由' }));
      }
    }
  });

  it('fills in the limits and falls back to "this field" for a field it has no name for', async () => {
    const zhT = (await init('zh-CN')).t;
    expect(errorText(zhT, invalid('title', 'too_long', { maximum: 100 }))).toBe('事由最多 100 个字');
    expect(errorText(zhT, invalid('workNumber', 'work_number'))).toBe('工号应为 3 到 8 位数字');
    expect(errorText(zhT, invalid('somethingNew', 'invalid_format'))).toBe('此项的格式不对');
    const enT = (await init('en')).t;
    expect(errorText(enT, invalid('callbackNumber', 'phone_number'))).toMatch(/^Callback number is not a phone number/);
  });

  it("translates the client's own and the generic server codes", async () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const i18n = await init(lng);
      for (const code of ['network_error', 'invalid_response', 'internal_error', 'bad_request', 'payload_too_large']) {
        const text = errorText(i18n.t, new ApiError(500, code, 'english from the server'));
        expect(text, `${lng} ${code}`).not.toContain('english');
        expect(text, `${lng} ${code}`).not.toBe(i18n.t('orderDesk.errors.unknown', { status: 500 }));
      }
    }
  });

  it('reads the issues from the details, ignoring other shapes', () => {
    expect(fieldIssues(invalid('a.b', 'required'))).toEqual([{ path: 'a.b', code: 'required', message: 'english' }]);
    expect(errorField(invalid('handlers.0', 'work_number'))).toBe('handlers');
    expect(fieldIssues(new ApiError(400, 'x', 'y', { field: 'department' }))).toEqual([]);
  });
});
