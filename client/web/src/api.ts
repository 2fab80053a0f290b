// The HTTP API as the page uses it: the session cookie travels by itself; every change carries the
// CSRF header the silo requires of cookie-authenticated requests. Problems become ApiError.

export class ApiError extends Error {
  constructor(public status: number, public code: string | undefined, detail: string) {
    super(detail);
  }
}

const csrf = { "X-ImageVault-Csrf": "1" };

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = method === "GET" ? {} : { ...csrf };
  let body: BodyInit | undefined;
  if (init.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  const response = await fetch(path, { method, headers, body, credentials: "same-origin" });
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toError(response: Response): Promise<ApiError> {
  try {
    const problem = await response.json();
    return new ApiError(response.status, problem.code, problem.detail ?? problem.title ?? response.statusText);
  } catch {
    return new ApiError(response.status, undefined, response.statusText);
  }
}

export interface UploadItem { fileName: string; outcome: "created" | "duplicate" | "refused"; id?: string; errorCode?: string; errorDetail?: string }

/** Uploads one file with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function uploadFile(file: File, onProgress: (sent: number) => void, path = "/api/v1/images"): Promise<UploadItem> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("X-ImageVault-Csrf", "1");
    xhr.setRequestHeader("Idempotency-Key", crypto.randomUUID());
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      const body = safeJson(xhr.responseText);
      if (xhr.status < 300) resolve(body.items[0]);
      else resolve({ fileName: file.name, outcome: "refused", errorCode: body.code ?? String(xhr.status), errorDetail: body.detail ?? xhr.statusText });
    };
    xhr.onerror = () => resolve({ fileName: file.name, outcome: "refused", errorCode: "network", errorDetail: "the connection failed" });
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

function safeJson(text: string): any {
  try { return JSON.parse(text); } catch { return {}; }
}

export interface Me { tenant: string; userId: string; userName: string; displayName: string; role: string; scopes: string[] }
export interface Hit { id: string; fileName: string; title?: string; capturedAt?: string; uploadedAt: string; width?: number; height?: number; placeholder?: string; rating: number; favourite: boolean; tags: string[]; thumbnail: string }
export interface Facet { value: string; count: number }
export interface SearchPage { total: number; items: Hit[]; nextCursor?: string; facets?: Record<string, Facet[]> }
export interface Tag { name: string; source: string }
export interface Comment { id: string; author: string; text: string; createdAt: string }
export interface Metadata { capturedAt?: string; latitude?: number; longitude?: number; make?: string; model?: string; lens?: string; exposureTime?: number; fNumber?: number; iso?: number; focalLength?: number; city?: string; country?: string; keywords: string[] }
export interface Image {
  id: string; fileName: string; contentType: string; sizeBytes: number; width?: number; height?: number; displayWidth?: number; displayHeight?: number;
  uploadedAt: string; metadata?: Metadata; title?: string; description?: string; tags: Tag[]; rating: number; favourite: boolean; comments: Comment[];
  albumIds: string[]; status: { stage: string }; placeholder?: string; trashed: boolean; analysis?: { status: string; text?: string; colours: string[] };
  links: { self: string; original: string; thumbnails: Record<string, string> };
}
export interface Album { id: string; name: string; parentId?: string }
