import { apiErrorSchema } from '../../../shared/api/errors';
import { queryString, routePath, type CallArgsTuple, type RouteResponse, type RouteShape } from '../../../shared/api/route';

/**
 * Responses are checked against the route's schema in development, in vitest and in the build
 * the tests run (`npm test` builds with VITE_VALIDATE_RESPONSES=1); a production build trusts
 * the server it came with and skips the work.
 */
export const VALIDATE_RESPONSES: boolean = import.meta.env.DEV || import.meta.env.VITE_VALIDATE_RESPONSES === '1';

/** An API error as the server sent it: a stable code and a sentence for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server added: for a bad field, { field } or a list of { path, message }. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  token?: string | undefined;
  /** Called on 401 so the session store can send the agent back to sign-in. */
  onUnauthenticated?: () => void;
  /** Check each response against its route's schema (default VALIDATE_RESPONSES). */
  validateResponses?: boolean;
}

export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  /** Calls a route of the shared table (shared/api/routes.ts): `api.call(routes.workOrders.get, { params: { id } })`. */
  async call<R extends RouteShape>(route: R, ...[args]: CallArgsTuple<R>): Promise<RouteResponse<R>> {
    const a = (args ?? {}) as { params?: Record<string, string | number>; query?: Record<string, string | number | boolean | undefined>; body?: unknown };
    const path = routePath(route.path, a.params) + queryString(a.query);
    const data = await this.request<unknown>(route.method, path, a.body);
    if (this.options.validateResponses ?? VALIDATE_RESPONSES) {
      const checked = route.response.safeParse(data);
      if (!checked.success) {
        const issues = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
        console.error(`response of ${route.method} ${route.path} does not match its schema: ${issues}`, data);
        throw new ApiError(0, 'invalid_response', `response of ${route.method} ${route.path} does not match its schema: ${issues}`);
      }
    }
    // The server's data as sent, validated or not: development and production behave the same.
    return data as RouteResponse<R>;
  }

  /**
   * The full URL of a route for something that fetches it itself, without this client's headers
   * (an <audio> element given a play ticket): `api.urlFor(routes.recordings.play, { params, query })`.
   */
  urlFor<R extends RouteShape>(route: R, ...[args]: CallArgsTuple<R>): string {
    const a = (args ?? {}) as { params?: Record<string, string | number>; query?: Record<string, string | number | boolean | undefined> };
    return `${this.options.baseUrl}${routePath(route.path, a.params)}${queryString(a.query)}`;
  }

  /** A file a route answers (an export, `format: 'csv'`): its bytes and the name from Content-Disposition. */
  async download<R extends RouteShape>(route: R, ...args: CallArgsTuple<R>): Promise<{ blob: Blob; fileName: string }> {
    const headers: Record<string, string> = this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {};
    let response: Response;
    try {
      response = await fetch(this.urlFor(route, ...args), { headers });
    } catch (error) {
      throw new ApiError(0, 'network_error', (error as Error).message);
    }
    if (response.status === 401) this.options.onUnauthenticated?.();
    if (!response.ok) throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
    return { blob: await response.blob(), fileName };
  }

  /** @deprecated hand-written paths: call a route of shared/api/routes.ts with `call`. */
  get<T>(path: string, query?: Record<string, string | number | boolean | undefined>): Promise<T> {
    return this.request<T>('GET', path + queryString(query));
  }

  /** @deprecated hand-written paths: call a route of shared/api/routes.ts with `call`. */
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** @deprecated hand-written paths: call a route of shared/api/routes.ts with `call`. */
  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  /** @deprecated hand-written paths: call a route of shared/api/routes.ts with `call`. */
  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError(0, 'network_error', (error as Error).message);
    }
    if (response.status === 401) this.options.onUnauthenticated?.();
    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(await response.json().catch(() => undefined));
      throw new ApiError(
        response.status,
        parsed.success ? parsed.data.code : 'http_error',
        parsed.success ? parsed.data.message : `HTTP ${response.status}`,
        parsed.success ? parsed.data.details : undefined,
      );
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}
