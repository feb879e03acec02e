import { apiErrorSchema } from '../../../shared/api/errors';

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
}

export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  get<T>(path: string, query?: Record<string, string | number | boolean | undefined>): Promise<T> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    return this.request<T>('GET', qs ? `${path}?${qs}` : path);
  }

  /** A file the server sends (an export): its bytes and the name from Content-Disposition. */
  async download(path: string, query: Record<string, string>): Promise<{ blob: Blob; fileName: string }> {
    const headers: Record<string, string> = this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {};
    let response: Response;
    try {
      response = await fetch(`${this.options.baseUrl}${path}?${new URLSearchParams(query).toString()}`, { headers });
    } catch (error) {
      throw new ApiError(0, 'network_error', (error as Error).message);
    }
    if (response.status === 401) this.options.onUnauthenticated?.();
    if (!response.ok) throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export';
    return { blob: await response.blob(), fileName };
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

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
      throw new ApiError(response.status, parsed.success ? parsed.data.code : 'http_error', parsed.success ? parsed.data.message : `HTTP ${response.status}`, parsed.success ? parsed.data.details : undefined);
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}
