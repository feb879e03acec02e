import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allRoutes, defineRoute, noContent, queryString, routePath } from './route.js';

describe('routePath', () => {
  it('fills each parameter, URL-encoded', () => {
    expect(routePath('/api/v1/work-orders/:id/transitions', { id: 42 })).toBe('/api/v1/work-orders/42/transitions');
    expect(routePath('/api/v1/calls/:callId/survey', { callId: 'a/b c' })).toBe('/api/v1/calls/a%2Fb%20c/survey');
  });

  it('refuses a missing or empty parameter rather than calling the wrong path', () => {
    expect(() => routePath('/api/v1/work-orders/:id', {})).toThrow(/needs the parameter id/);
    expect(() => routePath('/api/v1/work-orders/:id', { id: '' })).toThrow(/needs the parameter id/);
  });
});

describe('queryString', () => {
  it('leaves out undefined and empty values and encodes the rest', () => {
    expect(queryString({ q: '公积金 提取', limit: 10, mine: true, state: '', from: undefined })).toBe(
      '?q=%E5%85%AC%E7%A7%AF%E9%87%91+%E6%8F%90%E5%8F%96&limit=10&mine=true',
    );
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});

describe('allRoutes', () => {
  it('finds every route of a nested table', () => {
    const a = defineRoute({ method: 'GET', path: '/a', response: z.object({}) });
    const b = defineRoute({ method: 'POST', path: '/b', response: noContent, status: 204 });
    expect(allRoutes({ x: { a }, y: { z: { b } } })).toEqual([a, b]);
  });
});
