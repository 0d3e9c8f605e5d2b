import type { Lang } from '@chitieu/core';
import { useTranslation } from 'react-i18next';

/** The page language as the core's Lang, re-rendering when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
