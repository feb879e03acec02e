import { beforeEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { stubBrowserGlobals } from '../../test-kit/browser-globals';

stubBrowserGlobals();

const { default: i18n } = await import('../../i18n');
const { UsersTable } = await import('./users/UsersSection');
const { useFormErrors } = await import('./people-form');
const { userState } = await import('./users/UserRow');
const { actionText, entityText, detailText } = await import('./audit/AuditSection');
type ActionError = Parameters<typeof useFormErrors<'create' | 'update'>>[0];

/** A form as the console's forms mark a refusal: the hook under test, two fields. */
function Form({ error }: { error: ActionError }) {
  const { invalid, fieldError, formError } = useFormErrors(error, { action: 'create' }, ['workNumber', 'password'], 'f');
  return createElement(
    'form',
    null,
    createElement('input', { name: 'workNumber', ...invalid('workNumber') }),
    fieldError('workNumber'),
    createElement('input', { name: 'password', ...invalid('password') }),
    fieldError('password'),
    formError,
  );
}
const { ApiError } = await import('../../services/api-client');

const user = (over: object = {}) => ({
  id: 17,
  workNumber: '1101',
  displayName: '周新',
  role: 'agent' as const,
  centerCode: '330100',
  department: '热线二科',
  active: true,
  createdAt: '2026-11-30T01:00:00.000Z',
  lockedUntil: null,
  ...over,
});

describe('admin console: people sections', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('a user is 启用, 已停用 or 已锁定 — locked wins while active, since it stops the sign-in now', () => {
    expect(userState(user())).toBe('active');
    expect(userState(user({ active: false, lockedUntil: '2026-11-30T02:00:00.000Z' }))).toBe('disabled');
    expect(userState(user({ lockedUntil: '2026-11-30T02:00:00.000Z' }))).toBe('locked');
  });

  it('lists users with role, department and state; a locked one offers 解锁; a guessed number is said', () => {
    const html = renderToStaticMarkup(
      createElement(UsersTable, {
        users: [user(), user({ id: 18, workNumber: '1102', displayName: '李新', lockedUntil: '2026-11-30T02:00:00.000Z' })],
        lockouts: [{ workNumber: '7777', userId: null, failures: 10, lockedUntil: '2026-11-30T02:00:00.000Z' }],
        selfId: 1,
      }),
    );
    expect(html).toContain('data-testid="user-row-1101" data-state="active"');
    expect(html).toContain('data-testid="user-row-1102" data-state="locked"');
    expect(html.match(/>解锁</g)).toHaveLength(1);
    expect(html).toContain('坐席');
    expect(html).toContain('热线二科');
    expect(html).toContain('7777（10）');
    expect(html).toContain('已锁定（至 10:00）'); // the center's time, Shanghai
  });

  it('marks the refused field of the create form with its sentence, in Chinese and in English', async () => {
    const taken = new ApiError(409, 'work_number_taken', 'taken', { field: 'workNumber' });
    const form = (error: ActionError) => renderToStaticMarkup(createElement(Form, { error }));
    const html = form({ action: 'create', error: taken });
    expect(html).toMatch(/<input aria-invalid="true" aria-describedby="f-error-workNumber" name="workNumber"\/>/);
    expect(html).toContain('<span class="field__error" id="f-error-workNumber" role="alert">该工号已被使用，请换一个</span>');
    const short = new ApiError(400, 'invalid_request', 'bad', [{ path: 'password', code: 'too_short', message: 'x', minimum: 8 }]);
    expect(form({ action: 'create', error: short })).toContain('初始密码至少要 8 个字');
    // Not about a field of this form: said once, under it.
    expect(form({ action: 'create', error: new ApiError(0, 'network_error', 'down') })).toMatch(/<p class="field__error" role="alert">无法连接服务器/);
    // A row's refusal is not the create form's.
    expect(form({ action: 'update', id: 17, error: taken })).not.toContain('alert');
    await i18n.changeLanguage('en');
    expect(form({ action: 'create', error: short })).toContain('Initial password');
  });

  it('names audit actions and objects in words, falling back to the server’s name', async () => {
    const t = i18n.t.bind(i18n);
    expect(actionText(t, 'user.unlock')).toBe('解锁账号');
    expect(actionText(t, 'something.new')).toBe('something.new');
    expect(entityText(t, { entityType: 'wrap_up_code', entityId: '3' })).toBe('小结代码 #3');
    expect(detailText({ workNumber: '1101', changes: { active: false } })).toBe('workNumber=1101  changes={"active":false}');
    await i18n.changeLanguage('en');
    expect(actionText(t, 'user.unlock')).toBe('Unlocked account');
  });
});
