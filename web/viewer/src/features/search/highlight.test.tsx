import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { highlighted } from './highlight';

describe('highlighted', () => {
  it('marks matched words and shows escaped text as text', () => {
    const { container } = render(<p>{highlighted('<mark>Matrix</mark> &amp; &lt;b&gt;co&lt;/b&gt; <mark>Reloaded</mark>')}</p>);
    expect(container.querySelectorAll('mark')).toHaveLength(2);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('Matrix & <b>co</b> Reloaded');
  });

  it('never turns other markup into elements', () => {
    const { container } = render(<p>{highlighted('<img src=x onerror=alert(1)><mark>a</mark>')}</p>);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror=alert(1)>a');
  });
});
