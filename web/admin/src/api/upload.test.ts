import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadFile, UploadError } from './upload';
import { contentTypeOf } from '../features/catalog/media';

// A stand-in XMLHttpRequest that reports two progress steps, then the given status.
function fakeXhr(status: number) {
  const sent: { method?: string; url?: string; headers: Record<string, string>; body?: unknown } = { headers: {} };
  class Fake {
    status = 0;
    upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
    onload?: () => void;
    onerror?: () => void;
    onabort?: () => void;
    open(method: string, url: string) {
      sent.method = method;
      sent.url = url;
    }
    setRequestHeader(name: string, value: string) {
      sent.headers[name] = value;
    }
    abort() {
      this.onabort?.();
    }
    send(body: unknown) {
      sent.body = body;
      queueMicrotask(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
        this.status = status;
        if (status) this.onload?.();
        else this.onerror?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', Fake);
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

const ticket = { upload_url: '/uploads/tok/1/v/video/u', method: 'PUT' as const, headers: { 'Content-Type': 'video/mp4' } };

describe('uploadFile', () => {
  it('PUTs the file with the ticket’s headers and reports progress to the end', async () => {
    const sent = fakeXhr(201);
    const progress: number[] = [];
    const file = new Blob(['0123456789']);
    await uploadFile(ticket, file, (f) => progress.push(f));
    expect(sent).toMatchObject({ method: 'PUT', url: ticket.upload_url, headers: { 'Content-Type': 'video/mp4' }, body: file });
    expect(progress).toEqual([0.5, 1]);
  });

  it('rejects with the status the gateway answered (an expired link is 410)', async () => {
    fakeXhr(410);
    await expect(uploadFile(ticket, new Blob(['x']), () => undefined)).rejects.toEqual(new UploadError(410));
    fakeXhr(0);
    await expect(uploadFile(ticket, new Blob(['x']), () => undefined)).rejects.toMatchObject({ status: 0 });
  });
});

describe('contentTypeOf', () => {
  it('uses the browser’s type, else the extension’s', () => {
    expect(contentTypeOf({ name: 'a.mp4', type: 'video/mp4' })).toBe('video/mp4');
    expect(contentTypeOf({ name: 'clip.MKV', type: '' })).toBe('video/x-matroska');
    expect(contentTypeOf({ name: 'noext', type: '' })).toBe('application/octet-stream');
  });
});
