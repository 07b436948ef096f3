// Search highlights arrive as HTML-escaped text with <mark> around matched words. They are
// rendered as React text and <mark> elements, never as HTML, so nothing else in them can run.
import type { ReactNode } from 'react';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

export function highlighted(html: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(html))) {
    if (match.index > last) parts.push(unescape(html.slice(last, match.index)));
    parts.push(<mark key={match.index}>{unescape(match[1])}</mark>);
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push(unescape(html.slice(last)));
  return parts;
}
