import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/auth.js';
import { TRANSITIONS, WORK_ORDER_ACTIONS, WORK_ORDER_STATES, actionsFor, findTransition } from './state-machine.js';

describe('work-order state machine', () => {
  it('has one transition per (state, action) and reaches every state from draft', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}:${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    const reached = new Set(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...WORK_ORDER_STATES].sort());
  });

  it('lets the center admin take every transition and keeps supervisors out', () => {
    for (const t of TRANSITIONS) {
      expect(t.roles).toContain('center_admin');
      expect(t.roles).not.toContain('province');
      expect(t.roles).not.toContain('ministry');
    }
  });

  it('answers undefined for every pair not in the table', () => {
    let illegal = 0;
    for (const state of WORK_ORDER_STATES) {
      for (const action of WORK_ORDER_ACTIONS) {
        const legal = TRANSITIONS.some((t) => t.from === state && t.action === action);
        expect(findTransition(state, action) !== undefined).toBe(legal);
        if (!legal) illegal++;
      }
    }
    expect(illegal).toBe(WORK_ORDER_STATES.length * WORK_ORDER_ACTIONS.length - TRANSITIONS.length);
  });

  it('gives each role its own buttons', () => {
    expect(actionsFor('pending_approval', 'agent')).toEqual([]);
    expect(actionsFor('pending_approval', 'team_lead')).toEqual(['dispatch', 'reject']);
    expect(actionsFor('dispatched', 'department_handler')).toEqual(['accept', 'return']);
    expect(actionsFor('resolved', 'agent')).toEqual(['reject_resolution', 'reply']);
    expect(ROLES.flatMap((r) => actionsFor('closed', r))).toEqual(['reopen', 'reopen', 'reopen']);
  });
});
