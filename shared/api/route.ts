// One HTTP route as both sides see it: the server registers its handler from it (main/server/http/
// register-route.ts) and the desk calls through it (renderer/src/services/api-client.ts), so a
// path, a parameter or a response shape is written once.
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteShape {
  method: HttpMethod;
  /** Fastify's syntax: `/api/v1/work-orders/:id`. */
  path: string;
  /** Path parameters, as strings on the wire (coerce numbers). */
  params?: z.ZodType;
  /** The query string, as strings on the wire. */
  query?: z.ZodType;
  body?: z.ZodType;
  /** What a success answers; `noContent` for 204. */
  response: z.ZodType;
  /** The success status: 200 unless said (201 created, 204 no content). */
  status?: 200 | 201 | 202 | 204;
}

/** The body of a 204 answer. */
export const noContent = z.void();

/** A route that answers a file sent on `reply` (audio, an export), not JSON: nothing to check. */
export const fileResponse = z.unknown();

/** Keeps the literal types of a route (path, schemas) for both sides. */
export function defineRoute<const R extends RouteShape>(route: R): R {
  return route;
}

type Part<R, K extends 'params' | 'query' | 'body'> = R extends { [P in K]: infer S extends z.ZodType } ? S : undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: each part parsed by its schema (undefined when the route has none). */
export interface RouteInput<R extends RouteShape> {
  params: Out<Part<R, 'params'>>;
  query: Out<Part<R, 'query'>>;
  body: Out<Part<R, 'body'>>;
}

/** What the server's handler returns for a route (the schema's input: defaults may be left out). */
export type RouteReply<R extends RouteShape> = z.input<R['response']>;
/** What the desk receives for a route. */
export type RouteResponse<R extends RouteShape> = z.output<R['response']>;

type Scalar = string | number | boolean;
type ParamsArg<S> = S extends z.ZodType ? { params: { [K in keyof z.output<S>]: string | number } } : { params?: undefined };
// Query values travel as strings; '' and undefined are left out of the query string.
type QueryArg<S> = S extends z.ZodType ? { query?: { [K in keyof z.input<S>]?: Scalar | undefined } } : { query?: undefined };
type BodyArg<S> = S extends z.ZodType ? (undefined extends z.input<S> ? { body?: z.input<S> } : { body: z.input<S> }) : { body?: undefined };

/** What the desk passes to call a route: its path parameters, query and body, typed by the route. */
export type CallArgs<R extends RouteShape> = ParamsArg<Part<R, 'params'>> & QueryArg<Part<R, 'query'>> & BodyArg<Part<R, 'body'>>;
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
/** The arguments of a call: optional when the route needs no params and no body. */
export type CallArgsTuple<R extends RouteShape> = [RequiredKeys<CallArgs<R>>] extends [never] ? [args?: CallArgs<R>] : [args: CallArgs<R>];

/** The route's path with its parameters filled in, each URL-encoded; a missing one is a bug. */
export function routePath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`route ${path} needs the parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** The query string of a call, `?a=1&b=x`, or '' when nothing is set. */
export function queryString(query: Record<string, Scalar | undefined> | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** Every route of a table (nested objects of routes), for checks that walk them all. */
export function allRoutes(table: object): RouteShape[] {
  const found: RouteShape[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if ('method' in node && 'path' in node && 'response' in node) return void found.push(node as RouteShape);
    for (const child of Object.values(node)) walk(child);
  };
  walk(table);
  return found;
}
