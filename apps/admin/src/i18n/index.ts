import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import viBase from './vi.json';
import enBase from './en.json';
import rolloutVi from './rollout.vi.json';
import rolloutEn from './rollout.en.json';
import overviewVi from './overview.vi.json';
import overviewEn from './overview.en.json';
import handoverVi from './handover.vi.json';
import handoverEn from './handover.en.json';
import auditVi from './audit.vi.json';
import auditEn from './audit.en.json';
import workplaceVi from './workplace.vi.json';
import workplaceEn from './workplace.en.json';
import staffVi from './staff.vi.json';
import staffEn from './staff.en.json';
import rosterVi from './roster.vi.json';
import rosterEn from './roster.en.json';
import calendarVi from './calendar.vi.json';
import calendarEn from './calendar.en.json';
import trackingVi from './tracking.vi.json';
import trackingEn from './tracking.en.json';
import proceduresVi from './procedures.vi.json';
import proceduresEn from './procedures.en.json';
import dossiersVi from './dossiers.vi.json';
import dossiersEn from './dossiers.en.json';
import apiClientVi from './apiClient.vi.json';
import apiClientEn from './apiClient.en.json';
import reportsVi from './reports.vi.json';
import reportsEn from './reports.en.json';

/**
 * The texts: one base file per language, and one per feature area (rollout.*.json, handover.*.json, overview.*.json)
 * (and workplace.*.json: one's own desk, agency or post office) under a key of its own, so that areas grow without touching each other's files. audit.*.json is the
 * audit trail's vocabulary for every module (entity types, verbs, field names): a module that audits a
 * new record adds its labels there.
 */
export const vi = { ...viBase, rollout: rolloutVi, handover: handoverVi, overview: overviewVi, audit: auditVi, workplace: workplaceVi, roster: rosterVi, staff: staffVi, calendar: calendarVi, tracking: trackingVi, procedures: proceduresVi, dossiers: dossiersVi, apiClient: apiClientVi, reports: reportsVi };
export const en = { ...enBase, rollout: rolloutEn, handover: handoverEn, overview: overviewEn, audit: auditEn, workplace: workplaceEn, roster: rosterEn, staff: staffEn, calendar: calendarEn, tracking: trackingEn, procedures: proceduresEn, dossiers: dossiersEn, apiClient: apiClientEn, reports: reportsEn };

/** Vietnamese first, English second. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

const STORAGE_KEY = 'osp.admin.language';

// Both files must have the same keys: these fail to compile when one drifts from the other.
const english: typeof vi = en;
const vietnamese: typeof en = vi;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** The language in use, as one of ours (i18next may report a region variant). */
export function currentLanguage(): Language {
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

function applyLanguage(lang: string): void {
  if (!isLanguage(lang)) return;
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private mode, policy): the choice then lasts for the session.
  }
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: vietnamese },
    en: { translation: english },
  },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

applyLanguage(currentLanguage());

export default i18n;
