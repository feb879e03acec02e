import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpApp, HttpError } from './http-app.js';
import { registerRoute } from './register-route.js';
import { createLogger } from '../logger.js';
import { defineRoute, noContent } from '../../../shared/api/route.js';
import { phoneNumberSchema } from '../../../shared/api/field-issues.js';

const get = defineRoute({
  method: 'GET',
  path: '/api/v1/things/:id',
  params: z.object({ id: z.coerce.number().int().positive() }),
  query: z.object({ limit: z.coerce.number().int().max(10).default(5) }),
  response: z.object({ id: z.number(), limit: z.number() }),
});
const create = defineRoute({
  method: 'POST',
  path: '/api/v1/things',
  body: z.object({ name: z.string().trim().min(1).max(5), callbackNumber: phoneNumberSchema.optional(), kind: z.enum(['a', 'b']).optional() }),
  response: z.object({ name: z.string() }),
  status: 201,
});
const remove = defineRoute({ method: 'DELETE', path: '/api/v1/things/:id', params: z.object({ id: z.string() }), response: noContent, status: 204 });

describe('registerRoute', () => {
  let app: FastifyInstance;
  const seen: string[] = [];
  beforeAll(async () => {
    app = await createHttpApp({
      logger: createLogger('silent', new Writable({ write: (_c, _e, done) => done() })),
      deskDir: '/nonexistent',
      allowedOrigins: [],
    });
    registerRoute(app, get, {}, ({ params, query }) => ({ id: params.id, limit: query.limit }));
    registerRoute(app, create, { preHandler: async (request) => void seen.push(String(request.headers['x-who'] ?? '')) }, ({ body }) => ({ name: body.name }));
    registerRoute(app, remove, {}, ({ params }) => {
      if (params.id === 'x') throw new HttpError(404, 'not_found', 'no thing x');
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('hands the handler the parsed params and query, defaults applied', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/things/7' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 7, limit: 5 });
  });

  it('answers with the route status, after the preHandler', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/things', headers: { 'x-who': 'lead' }, payload: { name: ' ab ' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ name: 'ab' });
    expect(seen).toContain('lead');
    const gone = await app.inject({ method: 'DELETE', url: '/api/v1/things/1' });
    expect(gone.statusCode).toBe(204);
    expect(gone.body).toBe('');
  });

  it('a bad body is a 400 invalid_request with each field, a code the desk translates, and the English sentence', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/things', payload: { name: 'toolong', callbackNumber: 'call me', kind: 'c' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid_request');
    expect(body.message).toMatch(/^invalid body: name: .*; callbackNumber: a phone number; kind: /);
    expect(body.details).toEqual([
      expect.objectContaining({ path: 'name', code: 'too_long', maximum: 5 }),
      { path: 'callbackNumber', code: 'phone_number', message: 'a phone number' },
      expect.objectContaining({ path: 'kind', code: 'not_allowed' }),
    ]);
    // The input is never echoed back.
    expect(JSON.stringify(body)).not.toContain('call me');
  });

  it('tells a missing field from an empty one and a wrong kind', async () => {
    const missing = (await app.inject({ method: 'POST', url: '/api/v1/things', payload: {} })).json();
    expect(missing.details).toEqual([expect.objectContaining({ path: 'name', code: 'required' })]);
    const empty = (await app.inject({ method: 'POST', url: '/api/v1/things', payload: { name: '  ' } })).json();
    expect(empty.details).toEqual([expect.objectContaining({ path: 'name', code: 'required', minimum: 1 })]);
    const wrong = (await app.inject({ method: 'POST', url: '/api/v1/things', payload: { name: 3 } })).json();
    expect(wrong.details).toEqual([expect.objectContaining({ path: 'name', code: 'invalid_type' })]);
  });

  it('bad path and query parts say which part', async () => {
    const path = (await app.inject({ method: 'GET', url: '/api/v1/things/-1' })).json();
    expect(path).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^invalid path: id: /),
      details: [{ path: 'id', code: 'too_small' }],
    });
    const query = (await app.inject({ method: 'GET', url: '/api/v1/things/1?limit=11' })).json();
    expect(query).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/^invalid query: limit: /),
      details: [{ path: 'limit', code: 'too_big', maximum: 10 }],
    });
  });

  it('errors of the handler keep their shape', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/v1/things/x' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: 'no thing x' });
  });
});
