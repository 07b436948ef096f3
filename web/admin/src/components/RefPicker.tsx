// Picks records of another kind by id (a video's categories, genres and cast; a genre's
// categories): a search box over the API's list and checkboxes, the chosen ones listed first
// by name.
import { useEffect, useState } from 'react';
import { withQuery } from '@codeflix/web-shared/api';
import { useDebounced, useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { ErrorMessage } from '@codeflix/web-shared/status';
import { useCall } from '../api/client';
import type { List } from '../api/types';
import { FieldGroup } from './fields';

interface Named {
  id: string;
  name: string;
}

export function RefPicker(props: { legend: string; api: string; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const { t } = useI18n();
  const call = useCall();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const [names, setNames] = useState<Record<string, string>>({});
  const options = useLoad(
    async (signal) => (await call<List<Named>>(withQuery(props.api, { q, per_page: 100, sort: 'name' }), { signal })).body.data,
    [props.api, q],
  );
  useEffect(() => {
    if (options.data) setNames((known) => ({ ...known, ...Object.fromEntries(options.data!.map((o) => [o.id, o.name])) }));
  }, [options.data]);
  // Names of chosen records the current page of options does not show.
  useEffect(() => {
    const missing = props.value.filter((id) => !(id in names));
    if (!missing.length) return;
    const controller = new AbortController();
    Promise.all(missing.map((id) => call<Named>(`${props.api}/${id}`, { signal: controller.signal }).then((a) => [id, a.body.name] as const, () => [id, id] as const)))
      .then((found) => setNames((known) => ({ ...known, ...Object.fromEntries(found) })))
      .catch(() => undefined);
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value.join(','), props.api]);

  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.value, id] : props.value.filter((v) => v !== id));
  const shown = [...props.value.map((id) => ({ id, name: names[id] ?? '…' })), ...(options.data ?? []).filter((o) => !props.value.includes(o.id))];
  return (
    <FieldGroup legend={props.legend} error={props.error}>
      <input type="search" className="picker-search" aria-label={t('picker.search', { what: props.legend })} value={text} onChange={(event) => setText(event.target.value)} />
      <ul className="picker">
        {shown.map((option) => (
          <li key={option.id}>
            <label>
              <input type="checkbox" checked={props.value.includes(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
              {option.name}
            </label>
          </li>
        ))}
        {options.data && shown.length === 0 && <li className="muted">{t('picker.none')}</li>}
      </ul>
      {options.error ? <ErrorMessage error={options.error} onRetry={options.reload} /> : null}
    </FieldGroup>
  );
}
