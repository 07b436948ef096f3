// Translations for both web apps: Brazilian Portuguese and English, chosen from the browser's
// languages, switchable, and remembered. Messages are flat keys with {name} placeholders;
// each app brings its own dictionaries (English is the complete one, and the fallback).

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Locale = 'pt-BR' | 'en';
export const LOCALES: Locale[] = ['pt-BR', 'en'];
export type Messages = Record<string, string>;
export type Dictionaries = { en: Messages; 'pt-BR': Partial<Messages> };
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const STORAGE_KEY = 'codeflix.locale';

/** The first of the browser's languages we speak: any Portuguese → pt-BR, else English. */
export function detectLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('pt')) return 'pt-BR';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translator(dictionaries: Dictionaries, locale: Locale): Translate {
  const primary = dictionaries[locale] as Messages;
  return (key, values) => format(primary[key] ?? dictionaries.en[key] ?? key, values);
}

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  formatDate: (iso: string) => string;
  formatMoney: (minor: number, currency: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return LOCALES.includes(value as Locale) ? (value as Locale) : null;
  } catch {
    return null;
  }
}

export function I18nProvider({ dictionaries, children }: { dictionaries: Dictionaries; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? detectLocale());
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return {
      locale,
      setLocale,
      t: translator(dictionaries, locale),
      formatDate: (iso) => dates.format(new Date(iso)),
      formatMoney: (minor, currency) => {
        const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
        return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
      },
    };
  }, [locale, setLocale, dictionaries]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** A labelled select of the languages; the labels are each language's own name. */
export function LanguageSwitch({ label }: { label: string }) {
  const { locale, setLocale } = useI18n();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{label}</span>
      <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        <option value="pt-BR" lang="pt-BR">Português</option>
        <option value="en" lang="en">English</option>
      </select>
    </label>
  );
}
