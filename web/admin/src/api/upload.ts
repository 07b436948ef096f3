// A file sent to a signed upload URL with progress (fetch cannot report upload progress).
export interface UploadTarget {
  upload_url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

export class UploadError extends Error {
  constructor(readonly status: number) {
    super(status ? `upload refused (${status})` : 'upload interrupted');
    this.name = 'UploadError';
  }
}

/** PUTs `file` to the ticket's URL; `onProgress` gets 0..1; abort with `signal`. */
export function uploadFile(target: UploadTarget, file: Blob, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.upload_url);
    for (const [name, value] of Object.entries(target.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? (onProgress(1), resolve()) : reject(new UploadError(xhr.status)));
    xhr.onerror = () => reject(new UploadError(0));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
