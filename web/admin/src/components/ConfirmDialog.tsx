// A modal question (the native <dialog>: focus kept inside, Escape cancels). When it goes away
// the focus returns to what opened it.
import { useLayoutEffect, useRef } from 'react';
import { useI18n } from '@codeflix/web-shared/i18n';

export function ConfirmDialog(props: { title: string; text: string; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement as HTMLElement | null;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', ''); // jsdom
    }
    return () => {
      if (element?.open && typeof element.close === 'function') element.close();
      const back = opener?.isConnected ? opener : document.getElementById('main');
      back?.focus();
    };
  }, []);
  return (
    <dialog ref={dialog} className="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text" onCancel={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-text">{props.text}</p>
      <div className="actions">
        <button type="button" className="button secondary" onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
