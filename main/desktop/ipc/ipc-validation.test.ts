import { describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNELS } from '../../../shared/ipc/contract.js';
import { ipcArgSchemas } from '../../../shared/ipc/schemas.js';
import { validateIpcInvoke } from './ipc-validation.js';

const desk = { frameUrl: 'app://desk/', isMainFrame: true };

describe('validateIpcInvoke', () => {
  it('accepts a well-formed call from the desk', () => {
    const result = validateIpcInvoke('desk:show-notification', desk, [{ title: '来电', body: '13800000000' }]);
    expect(result).toEqual({ ok: true, channel: 'desk:show-notification', args: [{ title: '来电', body: '13800000000' }] });
  });

  it('refuses unknown channels', () => {
    expect(validateIpcInvoke('desk:run-shell', desk, [])).toMatchObject({ ok: false, reason: /unknown channel/ });
  });

  it('refuses senders other than the desk top frame', () => {
    expect(validateIpcInvoke('desk:get-app-info', { frameUrl: 'https://evil.com/', isMainFrame: true }, [])).toMatchObject({ ok: false });
    expect(validateIpcInvoke('desk:get-app-info', { frameUrl: 'app://desk/', isMainFrame: false }, [])).toMatchObject({ ok: false, reason: /top frame/ });
    expect(validateIpcInvoke('desk:get-app-info', { frameUrl: undefined, isMainFrame: true }, [])).toMatchObject({ ok: false });
  });

  it('refuses bad arguments', () => {
    expect(validateIpcInvoke('desk:flash-window', desk, ['yes'])).toMatchObject({ ok: false, reason: /bad arguments/ });
    expect(validateIpcInvoke('desk:get-app-info', desk, ['extra'])).toMatchObject({ ok: false });
    expect(validateIpcInvoke('desk:show-notification', desk, [{ title: 't', body: 'b', html: '<img>' }])).toMatchObject({ ok: false });
    expect(validateIpcInvoke('desk:open-external', desk, ['x'.repeat(5000)])).toMatchObject({ ok: false });
  });

  it('takes the server settings only in their shape', () => {
    expect(validateIpcInvoke('desk:save-server-settings', desk, [{ mode: 'remote', serverUrl: 'https://12329.example.gov.cn' }])).toMatchObject({ ok: true });
    expect(validateIpcInvoke('desk:save-server-settings', desk, [{ mode: 'embedded' }])).toMatchObject({ ok: true });
    expect(validateIpcInvoke('desk:save-server-settings', desk, [{ mode: 'remote' }])).toMatchObject({ ok: false });
    expect(validateIpcInvoke('desk:save-server-settings', desk, [{ mode: 'embedded', serverUrl: 'x', run: 'sh' }])).toMatchObject({ ok: false });
    expect(validateIpcInvoke('desk:check-server', desk, [42])).toMatchObject({ ok: false });
    expect(validateIpcInvoke('desk:relaunch', { frameUrl: 'https://evil.com/', isMainFrame: true }, [])).toMatchObject({ ok: false });
  });

  it('has a schema for every channel of the contract', () => {
    expect(Object.keys(ipcArgSchemas).sort()).toEqual([...IPC_INVOKE_CHANNELS].sort());
  });
});
