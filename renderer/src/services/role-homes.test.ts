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

  it('lands a team lead on the live board and an admin on the console, with the desk one click away', () => {
    expect(viewFor('team_lead', undefined)).toBe('supervision');
    expect(viewFor('center_admin', undefined)).toBe('admin');
    expect(viewsFor('team_lead')).not.toContain('admin');
    for (const role of ['team_lead', 'center_admin'] as const) {
      expect(viewFor(role, 'desk')).toBe('desk');
      expect(usesPhone(role)).toBe(true);
    }
    expect(viewFor('agent', 'supervision')).toBe('desk');
    expect(viewFor('province', undefined)).toBe('wallboard');
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
});
