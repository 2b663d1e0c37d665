import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/vi';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client';
import { LANGUAGES, messages, type Language, type MessageKey } from './messages';

const STORAGE_KEY = 'thads.language';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

// Selected menu items, tree nodes and options get a light tint rather than antd's grey derived from the dark blue.
const THEME = {
  token: { colorPrimary: '#1f4e8c', colorPrimaryBg: '#e6eef9', controlItemBgActive: '#e6eef9', borderRadius: 6 },
};

const I18nContext = createContext<I18nValue | null>(null);

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // storage unavailable (private mode): use the default
  }
  return 'vi';
}

function applyLanguage(language: Language): void {
  setApiLanguage(language);
  dayjs.locale(language);
  document.documentElement.lang = language;
  document.title = messages[language]['app.documentTitle'];
}

export function I18nProvider({ children }: { children: ReactNode }) {
  // Applied before the first render so that the first request already carries the language.
  const [language, setLanguageState] = useState<Language>(() => {
    const initial = storedLanguage();
    applyLanguage(initial);
    return initial;
  });

  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
    applyLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const catalogue = messages[language];
    const t: Translate = (key, params) => {
      const text = catalogue[key];
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    };
    return { language, setLanguage, t };
  }, [language, setLanguage]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={THEME}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() outside <I18nProvider>');
  return value;
}

/** The translate function of the chosen UI language. */
export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useI18n();
  return [language, setLanguage];
}
