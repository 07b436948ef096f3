import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { detectLocale, format, I18nProvider, LanguageSwitch, translator, useI18n } from './i18n';

const dictionaries = {
  en: { hello: 'Hello, {name}', only: 'Only English' },
  'pt-BR': { hello: 'Olá, {name}' },
};

describe('detectLocale', () => {
  it('takes the first language spoken here', () => {
    expect(detectLocale(['pt-PT', 'en'])).toBe('pt-BR');
    expect(detectLocale(['de', 'en-GB'])).toBe('en');
    expect(detectLocale(['fr'])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });
});

describe('translator', () => {
  it('fills placeholders, falls back to English and then to the key', () => {
    const t = translator(dictionaries, 'pt-BR');
    expect(t('hello', { name: 'Ana' })).toBe('Olá, Ana');
    expect(t('only')).toBe('Only English');
    expect(t('missing')).toBe('missing');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

function Greeting() {
  const { t, formatMoney } = useI18n();
  return (
    <p>
      {t('hello', { name: 'Ana' })} {formatMoney(2990, 'BRL')} {formatMoney(500, 'JPY')}
    </p>
  );
}

describe('I18nProvider', () => {
  it('switches language, remembers it and sets the document language', async () => {
    window.localStorage.setItem('codeflix.locale', 'en');
    render(
      <I18nProvider dictionaries={dictionaries}>
        <LanguageSwitch label="Language" />
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText(/Hello, Ana/).textContent).toContain('R$29.90');
    expect(screen.getByText(/Hello, Ana/).textContent).toContain('¥500');
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'pt-BR');
    expect(screen.getByText(/Olá, Ana/).textContent).toMatch(/R\$\s29,90/);
    expect(window.localStorage.getItem('codeflix.locale')).toBe('pt-BR');
    expect(document.documentElement.lang).toBe('pt-BR');
  });
});
