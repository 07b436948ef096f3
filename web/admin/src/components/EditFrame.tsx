// The frame of every create/edit form: its heading, the conflict and error messages, Save, and
// "Saved" once the API accepted it.
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '@codeflix/web-shared/api';
import { useI18n } from '@codeflix/web-shared/i18n';
import { ErrorMessage, errorText, Loading } from '@codeflix/web-shared/status';
import type { Editor } from './editor';

export function EditFrame<V, R extends { id: string }>(props: {
  title: string;
  editor: Editor<V, R>;
  back: string;
  /** After a successful save (a new record goes to its own page). */
  onSaved?: (record: R) => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useI18n();
  const { editor } = props;
  const [saved, setSaved] = useState(false);
  if (editor.loading) return <Loading />;
  // A record that did not load is never shown as an empty form someone could save over it.
  if (!editor.loaded) return <ErrorMessage error={editor.error} onRetry={editor.reload} />;
  const error = editor.error;
  const general =
    error && !editor.conflict && !(error instanceof ApiError && error.fields.length > 0) ? errorText(error, t) : null;
  return (
    <section className="edit-page">
      <p>
        <Link to={props.back}>← {t('common.back')}</Link>
      </p>
      <h1>{props.title}</h1>
      <form
        className="edit-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          void editor.save().then((record) => {
            if (!record) return;
            setSaved(true);
            props.onSaved?.(record);
          });
        }}
        onChange={() => setSaved(false)}
      >
        {editor.conflict && (
          <div className="notice error" role="alert" data-conflict="true">
            <p>{t('form.conflict')}</p>
            <button type="button" className="button secondary small" onClick={editor.reload}>
              {t('form.reload')}
            </button>
          </div>
        )}
        {error instanceof ApiError && error.fields.length > 0 && !editor.conflict && (
          <p className="notice error" role="alert">
            {t('form.fix')}
          </p>
        )}
        {general && (
          <p className="notice error" role="alert">
            {general}
          </p>
        )}
        {props.children}
        <div className="actions">
          <button type="submit" className="button" disabled={editor.saving}>
            {editor.saving ? t('form.saving') : t('form.save')}
          </button>
          {saved && (
            <span className="notice ok" role="status">
              {t('form.saved')}
            </span>
          )}
        </div>
      </form>
      {props.after}
    </section>
  );
}
