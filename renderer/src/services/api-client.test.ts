import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineRoute, noContent } from '../../../shared/api/route';
import { ApiClient, ApiError, VALIDATE_RESPONSES } from './api-client';

const get = defineRoute({
  method: 'GET',
  path: '/api/v1/things/:id',
  params: z.object({ id: z.coerce.number() }),
  query: z.object({ limit: z.coerce.number().optional(), mine: z.string().optional() }),
  response: z.object({ id: z.number(), name: z.string() }),
});
const post = defineRoute({ method: 'POST', path: '/api/v1/things', body: z.object({ name: z.string() }), response: noContent, status: 204 });

// The network is the one thing replaced: each test answers with a real Response and records what was asked.
function answer(status: number, body?: unknown) {
  const asked: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

describe('ApiClient.call', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('validates responses in vitest (and dev, and the test build)', () => {
    expect(VALIDATE_RESPONSES).toBe(true);
  });

  it('builds the path and query from the route and sends the body and token', async () => {
    const asked = answer(200, { id: 7, name: 'x' });
    const api = new ApiClient({ baseUrl: 'http://desk', token: 't0k' });
    expect(await api.call(get, { params: { id: 7 }, query: { limit: 5, mine: '' } })).toEqual({ id: 7, name: 'x' });
    expect(asked[0]!.url).toBe('http://desk/api/v1/things/7?limit=5');
    expect(asked[0]!.init.method).toBe('GET');
    expect((asked[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer t0k');
    const posted = answer(204);
    expect(await api.call(post, { body: { name: 'n' } })).toBeUndefined();
    expect(posted[0]!.init).toMatchObject({ method: 'POST', body: '{"name":"n"}' });
  });

  it('gives the full URL of a route for an element that fetches it itself (an <audio> with a ticket), parameters encoded', () => {
    const api = new ApiClient({ baseUrl: 'http://desk', token: 't0k' });
    expect(api.urlFor(get, { params: { id: 'a/b' }, query: { mine: 'x y', limit: undefined } })).toBe('http://desk/api/v1/things/a%2Fb?mine=x+y');
    // @ts-expect-error the path parameter is required
    expect(() => api.urlFor(get)).toThrow('needs the parameter id');
  });

  it('types each call by its route (tsc checks these lines)', () => {
    const api = new ApiClient({ baseUrl: '' });
    // @ts-expect-error the path parameter is required
    const noParams = () => api.call(get);
    // @ts-expect-error a query key the route does not have
    const strayQuery = () => api.call(get, { params: { id: 1 }, query: { nope: 1 } });
    // @ts-expect-error the body has the route's shape
    const badBody = () => api.call(post, { body: { title: 'x' } });
    const typed = async () => (await api.call(get, { params: { id: 1 } })).name.toUpperCase();
    expect([noParams, strayQuery, badBody, typed].every((f) => typeof f === 'function')).toBe(true);
  });

  it('refuses a response that does not match the route, naming the field', async () => {
    answer(200, { id: '7', name: 'x' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await new ApiClient({ baseUrl: '' }).call(get, { params: { id: 7 } }).catch((e: unknown) => e);
    expect(logged).toHaveBeenCalledOnce();
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_response', message: expect.stringContaining('id:') });
  });

  it('trusts the server when validation is off (production), returning what it sent', async () => {
    answer(200, { id: '7' });
    expect(await new ApiClient({ baseUrl: '', validateResponses: false }).call(get, { params: { id: 7 } })).toEqual({ id: '7' });
  });

  it('turns an error body into an ApiError with its code and field issues', async () => {
    answer(400, { code: 'invalid_request', message: 'invalid body: name: required', details: [{ path: 'name', code: 'required', message: 'required' }] });
    const error = await new ApiClient({ baseUrl: '' }).call(post, { body: { name: '' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', details: [{ path: 'name', code: 'required' }] });
  });
});
