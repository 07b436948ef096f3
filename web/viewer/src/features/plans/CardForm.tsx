// The card form: details go to the sandbox provider's tokenisation endpoint (as a real
// provider's client-side tokenisation would take them), and only the token goes on to the
// subscription. Field errors come from the endpoint's problem document.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, newIdempotencyKey } from '@codeflix/web-shared/api';
import { useSession } from '@codeflix/web-shared/auth';
import { useI18n } from '@codeflix/web-shared/i18n';
import { billing } from '../../api/subscription';
import type { PaymentMethod } from '../../api/types';
import { errorText } from '@codeflix/web-shared/status';

const FIELDS = ['card_number', 'exp_month', 'exp_year', 'cvc'] as const;
type Field = (typeof FIELDS)[number];

export function CardForm({
  submitLabel,
  onToken,
  notice,
}: {
  submitLabel: string;
  /** The next step with the token; its ApiError is shown under the form. */
  onToken: (method: PaymentMethod) => Promise<void>;
  notice?: ReactNode;
}) {
  const { t } = useI18n();
  const session = useSession();
  const [values, setValues] = useState<Record<Field, string>>({ card_number: '', exp_month: '', exp_year: '', cvc: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const fieldError = (field: Field) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const token = await session.freshToken();
      if (!token) {
        await session.signIn();
        return;
      }
      const method = await billing.tokenizeCard(
        token,
        {
          card_number: values.card_number,
          exp_month: Number(values.exp_month),
          exp_year: Number(values.exp_year),
          cvc: values.cvc,
        },
        newIdempotencyKey(),
      );
      await onToken(method);
    } catch (caught) {
      const problem = caught instanceof Error ? caught : new Error(String(caught));
      setError(problem);
      if (problem instanceof ApiError) {
        if (problem.status === 402) setMessage(t('checkout.declined'));
        else if (problem.fields.length) setMessage(t('checkout.fixFields'));
        else if (problem.status === 409) setMessage(t('checkout.already'));
        else if (problem.status === 422) setMessage(t('checkout.priceChanged'));
        else setMessage(errorText(problem, t));
      } else setMessage(errorText(problem, t));
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field, label: string, extra: Record<string, string | number>) => {
    const id = `card-${field}`;
    const problem = fieldError(field);
    return (
      <div className={`field ${problem ? 'invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={field}
          inputMode="numeric"
          required
          value={values[field]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(event) => setValues((v) => ({ ...v, [field]: event.target.value }))}
          {...extra}
        />
        {problem && (
          <span className="field-error" id={`${id}-error`}>
            {problem}
          </span>
        )}
      </div>
    );
  };

  return (
    <form className="card-form" onSubmit={submit} noValidate>
      {input('card_number', t('checkout.card'), { autoComplete: 'cc-number', maxLength: 23, placeholder: '4242 4242 4242 4242' })}
      <div className="field-row">
        {input('exp_month', t('checkout.expMonth'), { autoComplete: 'cc-exp-month', maxLength: 2, placeholder: '12' })}
        {input('exp_year', t('checkout.expYear'), { autoComplete: 'cc-exp-year', maxLength: 4, placeholder: '2030' })}
        {input('cvc', t('checkout.cvc'), { autoComplete: 'cc-csc', maxLength: 4, placeholder: '123' })}
      </div>
      {notice}
      {message && (
        <p className="form-error" role="alert" data-error={error instanceof ApiError ? (error.reason ?? error.status) : 'error'}>
          {message}
        </p>
      )}
      <button type="submit" className="button" disabled={busy} aria-busy={busy}>
        {busy ? t('checkout.paying') : submitLabel}
      </button>
    </form>
  );
}
