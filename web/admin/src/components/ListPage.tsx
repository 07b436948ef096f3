// A table of records with everything on the server: pages, sort, search and filters, all kept in
// the address (so a list can be shared and Back returns to it), and delete with confirmation.
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { withQuery } from '@codeflix/web-shared/api';
import { useDebounced, useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { ErrorMessage, errorText } from '@codeflix/web-shared/status';
import { ifMatch, useCall } from '../api/client';
import type { List } from '../api/types';
import { ConfirmDialog } from './ConfirmDialog';

export interface Column<T> {
  label: string;
  /** The API's sort key, when the column sorts. */
  sort?: string;
  render: (row: T) => ReactNode;
}
export interface Filter {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface ListPageProps<T> {
  title: string;
  api: string;
  columns: Column<T>[];
  filters?: Filter[];
  /** Where "New" goes; no button without it. */
  newLink?: { to: string; label: string };
  /** The page of one record, for the first column's link. */
  rowLink?: (row: T) => string | undefined;
  /** A row's id (default: its `id`). */
  idOf?: (row: T) => string;
  /** What a delete confirmation calls the record; no delete without it. */
  deleteName?: (row: T) => string;
  defaultSort?: string;
  perPage?: number;
}

const PER_PAGE = 20;

export function ListPage<T extends object>(props: ListPageProps<T>) {
  const idOf = props.idOf ?? ((row: T) => (row as unknown as { id: string }).id);
  const { t } = useI18n();
  const call = useCall();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text, 300);
  const [doomed, setDoomed] = useState<T | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q, page: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  // The address changed from elsewhere (the sidebar's link, Back): the box shows its search.
  const addressQ = params.get('q') ?? '';
  useEffect(() => {
    if (addressQ !== q) setText(addressQ);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [addressQ]);

  const page = Number(params.get('page') ?? '1') || 1;
  const sort = params.get('sort') ?? props.defaultSort ?? '';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const query: Record<string, string | number> = { page, per_page: props.perPage ?? PER_PAGE, sort, dir, q: params.get('q') ?? '' };
  for (const filter of props.filters ?? []) query[filter.name] = params.get(filter.name) ?? '';
  const url = withQuery(props.api, query);
  const list = useLoad(async (signal) => (await call<List<T>>(url, { signal })).body, [url]);

  const sortBy = (key: string) => update({ sort: key, dir: sort === key && dir === 'asc' ? 'desc' : 'asc', page: null });
  const remove = async (row: T) => {
    setDoomed(null);
    try {
      await call(`${props.api}/${idOf(row)}`, { method: 'DELETE', headers: ifMatch((row as { version?: number }).version) });
      setNotice({ kind: 'ok', text: t('list.deleted', { name: props.deleteName!(row) }) });
      list.reload();
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    }
  };

  const data = list.data;
  return (
    <section className="list-page">
      <div className="page-head">
        <h1>{props.title}</h1>
        {props.newLink && (
          <Link className="button" to={props.newLink.to}>
            {props.newLink.label}
          </Link>
        )}
      </div>
      <form role="search" className="list-tools" onSubmit={(event) => event.preventDefault()}>
        <label className="field inline">
          <span>{t('list.search')}</span>
          <input type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        {props.filters?.map((filter) => (
          <label key={filter.name} className="field inline">
            <span>{filter.label}</span>
            <select value={params.get(filter.name) ?? ''} onChange={(event) => update({ [filter.name]: event.target.value, page: null })}>
              <option value="">{t('list.any')}</option>
              {filter.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </form>
      {notice && (
        <p className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      <table className="table" aria-busy={list.loading}>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column.label} scope="col" aria-sort={column.sort && sort === column.sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {column.sort ? (
                  <button type="button" className="sort" onClick={() => sortBy(column.sort!)}>
                    {column.label}
                    <span aria-hidden="true">{sort === column.sort ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : (
                  column.label
                )}
              </th>
            ))}
            {props.deleteName && (
              <th scope="col">
                <span className="visually-hidden">{t('list.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {data?.data.map((row) => (
            <tr key={idOf(row)}>
              {props.columns.map((column, index) => (
                <td key={column.label}>{index === 0 && props.rowLink?.(row) ? <Link to={props.rowLink(row)!}>{column.render(row)}</Link> : column.render(row)}</td>
              ))}
              {props.deleteName && (
                <td className="row-actions">
                  <button type="button" className="button danger small" onClick={() => setDoomed(row)} aria-label={t('list.deleteNamed', { name: props.deleteName(row) })}>
                    {t('list.delete')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.meta.total === 0 && <p className="empty">{t('list.empty')}</p>}
      {data && (
        <nav className="pager" aria-label={t('list.pages')}>
          <button type="button" className="button secondary small" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
            {t('list.previous')}
          </button>
          <span role="status">{t('list.pageOf', { page, last: data.meta.last_page, total: data.meta.total })}</span>
          <button type="button" className="button secondary small" disabled={page >= data.meta.last_page} onClick={() => update({ page: String(page + 1) })}>
            {t('list.next')}
          </button>
        </nav>
      )}
      {doomed && props.deleteName && (
        <ConfirmDialog
          title={t('list.confirmDeleteTitle')}
          text={t('list.confirmDelete', { name: props.deleteName(doomed) })}
          confirm={t('list.delete')}
          onConfirm={() => void remove(doomed)}
          onCancel={() => setDoomed(null)}
        />
      )}
    </section>
  );
}
