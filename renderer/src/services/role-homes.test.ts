import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/api/auth';
import { inboxStates, usesPhone, viewFor, viewsFor } from './role-homes';

describe('role homes', () => {
  it('sends department roles to their inbox, without a phone', () => {
    for (const role of ['department_handler', 'department_leader'] as const) {
      expect(viewsFor(role)).toEqual(['workOrders']);
      expect(usesPhone(role)).toBe(false);
      expect(inboxStates(role)).toBeDefined();
    }
  });

  it('keeps the hotline on the desk with its phone, and gives every role a home', () => {
    expect(viewsFor('agent')[0]).toBe('desk');
    expect(usesPhone('agent')).toBe(true);
    expect(viewsFor('agent')).not.toContain('wallboard');
    expect(viewsFor('agent')).not.toContain('indicators');
    expect(viewsFor('team_lead')).toContain('indicators');
    for (const role of ROLES) expect(viewsFor(role).length).toBeGreaterThan(0);
    expect(usesPhone(undefined)).toBe(false);
  });

  it('lands a team lead on the live board with the desk one click away, and an admin on the console without a phone', () => {
    expect(viewFor('team_lead', undefined)).toBe('supervision');
    expect(viewFor('team_lead', 'desk')).toBe('desk');
    expect(usesPhone('team_lead')).toBe(true);
    expect(viewsFor('team_lead')).not.toContain('admin');
    expect(viewFor('center_admin', undefined)).toBe('admin');
    expect(viewsFor('center_admin')).toEqual(expect.arrayContaining(['supervision', 'indicators', 'recordings', 'workOrders']));
    // An admin has no extension: a softphone would only show 注册失败.
    expect(usesPhone('center_admin')).toBe(false);
    expect(viewFor('center_admin', 'desk')).toBe('admin');
    expect(viewFor('agent', 'supervision')).toBe('desk');
    expect(viewFor('province', undefined)).toBe('network');
    expect(viewFor('ministry', 'wallboard')).toBe('network');
    expect(usesPhone('ministry')).toBe(false);
  });

  it('lands the quality checker on call recordings, without a phone; team leads have them too, agents not', () => {
    expect(viewsFor('quality')[0]).toBe('recordings');
    // Work orders read-only (the server refuses its writes): opened from a call record or searched.
    expect(viewsFor('quality')).toEqual(['recordings', 'workOrders']);
    expect(usesPhone('quality')).toBe(false);
    expect(viewsFor('team_lead')).toContain('recordings');
    expect(viewsFor('agent')).not.toContain('recordings');
  });

  it('on a province or ministry server: no phone for anyone, the admin keeps the console and the figures', () => {
    expect(viewsFor('center_admin', 'ministry')).toEqual(['admin', 'network']);
    expect(viewsFor('province', 'province')).toEqual(['network']);
    expect(viewFor('center_admin', 'desk', 'province')).toBe('admin');
    expect(usesPhone('center_admin', 'province')).toBe(false);
    expect(usesPhone('team_lead', 'province')).toBe(false);
    expect(usesPhone('team_lead', 'center')).toBe(true);
  });
});
