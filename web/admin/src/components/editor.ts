// The state of a form that creates or edits one record: loads it with its ETag, saves with
// If-Match (412 becomes a "changed by someone else" conflict) or creates with one
// Idempotency-Key per form (a double click creates one record), and keeps the API's field errors.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '@codeflix/web-shared/api';
import { useCall } from '../api/client';

export interface Editor<V, R> {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  record: R | null;
  loading: boolean;
  /** False while an existing record could not be loaded: nothing may be saved then. */
  loaded: boolean;
  saving: boolean;
  /** The last failure (an ApiError carries the field errors). */
  error: unknown;
  /** Someone else saved the record since it was loaded (412). */
  conflict: boolean;
  fieldError: (name: string) => string | undefined;
  save: () => Promise<R | null>;
  reload: () => void;
}

export function useEditor<V, R extends { id: string }>(options: {
  api: string;
  id?: string;
  initial: V;
  toValues: (record: R) => V;
  toBody: (values: V) => unknown;
  /** How an existing record is saved: PUT (the default) or PATCH with every field. */
  method?: 'PUT' | 'PATCH';
}): Editor<V, R> {
  const call = useCall();
  const { api, id } = options;
  const [values, setValues] = useState<V>(options.initial);
  const [record, setRecord] = useState<R | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [loading, setLoading] = useState(Boolean(id));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [round, setRound] = useState(0);
  const key = useRef(newIdempotencyKey());
  const convert = useRef(options.toValues);
  convert.current = options.toValues;

  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    setLoading(true);
    call<R>(`${api}/${id}`, { signal: controller.signal })
      .then((answer) => {
        setRecord(answer.body);
        setEtag(answer.etag);
        setValues(convert.current(answer.body));
        setConflict(false);
        setError(null);
      })
      .catch((e: unknown) => !controller.signal.aborted && setError(e))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [api, id, call, round]);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => setValues((previous) => ({ ...previous, [name]: value })), []);

  const loaded = !id || record !== null;
  const save = async () => {
    if (!loaded) return null;
    setSaving(true);
    setError(null);
    try {
      const answer = id
        ? await call<R>(`${api}/${id}`, { method: options.method ?? 'PUT', body: options.toBody(values), headers: etag ? { 'If-Match': etag } : {} })
        : await call<R>(api, { method: 'POST', body: options.toBody(values), idempotencyKey: key.current });
      key.current = newIdempotencyKey();
      setRecord(answer.body);
      setEtag(answer.etag);
      return answer.body;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setConflict(true);
      setError(e);
      return null;
    } finally {
      setSaving(false);
    }
  };

  return {
    values,
    set,
    record,
    loading,
    loaded,
    saving,
    error,
    conflict,
    fieldError: (name) => (error instanceof ApiError ? error.fieldError(name) : undefined),
    save,
    reload: () => setRound((n) => n + 1),
  };
}
