import { useTranslation } from 'react-i18next';

/** Formats school form codes (GR, GRS, FKLASS, FTH) as their names. */
export function useSchoolForms(): (codes: string[]) => string {
  const { t } = useTranslation();
  return (codes) =>
    codes.length ? codes.map((c) => t(`app.schoolForms.${c}`, { defaultValue: c })).join(', ') : '–';
}
