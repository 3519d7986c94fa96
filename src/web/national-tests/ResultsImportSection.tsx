import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FileImportSection, type ImportLine } from '../file-import/FileImportSection';

interface ResultLine extends ImportLine { civicNo: string; pupil: string | null; subject: string; gradeYear: number | null; schoolYear: string | null; result: string | null }

/** "Importera från fil" on /nationella-prov (the unit's administrator): results of many pupils from one CSV or xlsx file. */
export function ResultsImportSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const dash = (v: string | number | null) => (v === null || v === '' ? '–' : v);
  return (
    <FileImportSection<ResultLine> id="results-import" title={t('nationalTests.import.title')} intro={t('nationalTests.import.intro')}
      previewUrl="/api/national-tests/import/preview" importUrl="/api/national-tests/import" templateHref="/api/national-tests/import/template.xlsx"
      onImported={() => void qc.invalidateQueries({ queryKey: ['national-tests'] })}
      columns={[
        { header: t('nationalTests.import.pupil'), cell: (l) => (l.pupil ? `${l.pupil} (${l.civicNo})` : dash(l.civicNo)) },
        { header: t('nationalTests.import.subject'), cell: (l) => (l.gradeYear ? t('nationalTests.import.subjectYear', { subject: l.subject, year: l.gradeYear }) : dash(l.subject)) },
        { header: t('nationalTests.import.schoolYear'), cell: (l) => dash(l.schoolYear) },
        { header: t('nationalTests.import.result'), cell: (l) => dash(l.result) },
      ]} />
  );
}
