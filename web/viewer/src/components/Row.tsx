// A horizontal row of titles: scrolls with the buttons, the mouse wheel or trackpad, and the
// keyboard (arrow keys move between titles, Home and End to the ends).
import { Children, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '@codeflix/web-shared/i18n';

export function Row({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const { t } = useI18n();
  const track = useRef<HTMLUListElement>(null);
  const headingId = `row-${id}`;

  const scrollBy = (direction: 1 | -1) => {
    const element = track.current;
    if (element) element.scrollBy({ left: direction * element.clientWidth * 0.8, behavior: 'smooth' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = Array.from(track.current?.querySelectorAll<HTMLAnchorElement>('a.card') ?? []);
    const index = links.findIndex((link) => link === document.activeElement);
    if (index < 0) return;
    let next = index;
    if (event.key === 'ArrowRight') next = Math.min(links.length - 1, index + 1);
    else if (event.key === 'ArrowLeft') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = links.length - 1;
    else return;
    event.preventDefault();
    links[next].focus();
    links[next].scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'smooth' });
  };

  return (
    <section className="row" aria-labelledby={headingId}>
      <div className="row-head">
        <h2 id={headingId}>{title}</h2>
        <div className="row-buttons">
          <button type="button" className="icon-button" onClick={() => scrollBy(-1)} aria-label={t('home.scrollLeft', { row: title })}>
            ‹
          </button>
          <button type="button" className="icon-button" onClick={() => scrollBy(1)} aria-label={t('home.scrollRight', { row: title })}>
            ›
          </button>
        </div>
      </div>
      <ul className="row-track" ref={track} onKeyDown={onKeyDown}>
        {Children.map(children, (child) => (
          <li>{child}</li>
        ))}
      </ul>
    </section>
  );
}
