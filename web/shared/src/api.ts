// The one way both web apps talk to CODEFLIX's APIs: JSON in and out, the access token when
// signed in, an Idempotency-Key on money-moving POSTs, and every RFC 9457 problem document
// turned into an ApiError that screens can explain in plain words.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  /** The problem document's extension members (reason, max_streams, plans_url...). */
  readonly problem: Record<string, unknown>;
  readonly fields: FieldError[];

  constructor(status: number, detail: string, problem: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.problem = problem;
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.fields = errors.filter(
      (e): e is FieldError =>
        typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
    );
  }

  /** The problem's `reason` member, when it has one (not_subscribed, stream_limit...). */
  get reason(): string | undefined {
    return typeof this.problem.reason === 'string' ? this.problem.reason : undefined;
  }

  /** The message of the first error about `field` or one of its items (`field[2]`), for a
   * form to show beside it. */
  fieldError(field: string): string | undefined {
    return this.fields.find((f) => f.field === field || f.field.startsWith(`${field}[`))?.message;
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string | null;
  headers?: Record<string, string>;
  /** Makes a repeated POST (a double click, a retry) answer the first result. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Lets the request finish after the page is left (a player's last heartbeat). */
  keepalive?: boolean;
}

/** A fresh key for one user action; keep it for the retries of that same action. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Record<string, unknown> = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') problem = parsed as Record<string, unknown>;
    } catch {
      // A broken body still leaves the status to explain the failure.
    }
  }
  const detail =
    typeof problem.detail === 'string'
      ? problem.detail
      : typeof problem.title === 'string'
        ? problem.title
        : `${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, detail, problem);
}

/** An answer with the headers a screen needs besides its body. */
export interface Answer<T> {
  body: T;
  /** The record's version, to send back as If-Match when saving it. */
  etag: string | null;
  location: string | null;
}

/** Sends one request; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
  return (await send<T>(url, options)).body;
}

/** `request`, answering the ETag and Location headers with the body. */
export async function send<T>(url: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  if (!response.ok) throw await problemOf(response);
  const etag = response.headers.get('ETag');
  const location = response.headers.get('Location');
  if (response.status === 204) return { body: undefined as T, etag, location };
  const type = response.headers.get('Content-Type') ?? '';
  const parsed = type.includes('json') ? ((await response.json()) as T) : ((await response.text()) as T);
  return { body: parsed, etag, location };
}

/** Builds `path?query` leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
