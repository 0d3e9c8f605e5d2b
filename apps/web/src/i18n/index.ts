import type { Lang } from '@chitieu/core';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

const STORAGE_KEY = 'chitieu.lang';

/** The language chosen before (kept in this browser), else Vietnamese. */
function savedLanguage(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

/** Switch the page language and remember it; the <html lang> follows for screen readers. */
export function setLanguage(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** The page language as the core's Lang. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
