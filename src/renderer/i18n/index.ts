import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@shared/station/stationEvents';
import { zhCN } from './zh-CN';
import { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export async function initI18n(language: Language = 'zh-CN') {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(language: Language) {
  if (i18next.language === language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
