import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useDebounced, useLoad } from './hooks';

describe('useDebounced', () => {
  it('answers the value once typing pauses', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useDebounced(value, 250), { initialProps: { value: 'm' } });
    rerender({ value: 'ma' });
    rerender({ value: 'mat' });
    expect(result.current).toBe('m');
    act(() => vi.advanceTimersByTime(249));
    expect(result.current).toBe('m');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe('mat');
    vi.useRealTimers();
  });
});

describe('useLoad', () => {
  it('aborts the request of a previous input and keeps only the latest answer', async () => {
    const signals: AbortSignal[] = [];
    const resolvers: ((v: string) => void)[] = [];
    const load = (q: string) => (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>((resolve) => resolvers.push(() => resolve(q)));
    };
    const { result, rerender } = renderHook(({ q }) => useLoad(load(q), [q]), { initialProps: { q: 'a' } });
    rerender({ q: 'ab' });
    expect(signals[0].aborted).toBe(true);
    act(() => resolvers[0]('a'));
    act(() => resolvers[1]('ab'));
    await waitFor(() => expect(result.current.data).toBe('ab'));
    expect(result.current.loading).toBe(false);
  });

  it('reports the error and loads again on reload', async () => {
    let calls = 0;
    const { result } = renderHook(() =>
      useLoad(async () => {
        calls += 1;
        if (calls === 1) throw new Error('down');
        return 'up';
      }, []),
    );
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.data).toBe('up'));
    expect(result.current.error).toBeUndefined();
  });
});
