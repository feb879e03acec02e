import { describe, expect, it, vi } from 'vitest';

// The shortcut table is pure data, but its module imports electron for registration.
vi.mock('electron', () => ({ globalShortcut: {} }));
const { GLOBAL_SHORTCUTS } = await import('./shortcuts.js');
const { shortcutActionSchema } = await import('../../shared/ipc/schemas.js');

describe('global shortcuts', () => {
  it('cover every shortcut action of the IPC contract, each with its own key', () => {
    expect(Object.keys(GLOBAL_SHORTCUTS).sort()).toEqual([...shortcutActionSchema.options].sort());
    const keys = Object.values(GLOBAL_SHORTCUTS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are valid Electron accelerators with a modifier', () => {
    for (const accelerator of Object.values(GLOBAL_SHORTCUTS)) {
      expect(accelerator).toMatch(/^(CommandOrControl|Ctrl|Alt|Shift)(\+(Alt|Shift))*\+[A-Z0-9]$/);
    }
  });
});
