import { Anchor, Breadcrumbs, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { exportPath, pagePath, type ReportQuery } from './format';
import type { Report } from './types';

/** The report's breadcrumb, title, the choosers of grade year and school year, and the export buttons. */
export function ReportHeader({ report, query, onChoose }: {
  report: Report; query: ReportQuery; onChoose: (key: 'arskurs' | 'lasar', value: string | null) => void;
}) {
  const { t } = useTranslation();
  const crumbs = report.parents.map((p) => ({ label: p.label, to: pagePath(p.path) }));
  const exportQuery = { ...query, gradeYear: report.gradeYear, schoolYear: report.schoolYear };
  return (
    <Stack gap="sm">
      {crumbs.length > 0 && (
        <nav aria-label={t('followup.breadcrumb')}>
          <Breadcrumbs data-testid="breadcrumb">
            {crumbs.map((c) => (c.to ? <Anchor key={c.to} component={Link} to={c.to} size="sm">{c.label}</Anchor> : <Text key={c.label} size="sm">{c.label}</Text>))}
            <Text size="sm" aria-current="page">{report.title}</Text>
          </Breadcrumbs>
        </nav>
      )}
      <div>
        <Text size="sm" c="dimmed">{t(`followup.levels.${report.level}`)} · {t('followup.title')}</Text>
        <Title order={1} data-testid="report-title">{report.title}</Title>
        {report.level === 'group' && <Text size="sm">{t('followup.gradeYearOption', { year: report.gradeYear })}, {report.schoolYear}</Text>}
      </div>
      <Group gap="sm" align="flex-end" justify="space-between">
        {report.level !== 'group' ? (
          <Group gap="sm" align="flex-end">
            <Select
              label={t('followup.gradeYear')} data-testid="choose-grade-year" w={140} allowDeselect={false}
              data={[6, 9].map((y) => ({ value: String(y), label: t('followup.gradeYearOption', { year: y }) }))}
              value={String(report.gradeYear)} onChange={(v) => onChoose('arskurs', v)}
            />
            <Select
              label={t('followup.schoolYear')} data-testid="choose-school-year" w={160} allowDeselect={false}
              data={report.schoolYears.length > 0 ? report.schoolYears : [report.schoolYear]}
              value={report.schoolYear} onChange={(v) => onChoose('lasar', v)}
            />
          </Group>
        ) : <span />}
        <Group gap="xs" role="group" aria-label={t('followup.export.label')}>
          <Button component="a" variant="outline" size="sm" href={exportPath({ ...exportQuery, format: 'xlsx' })} download data-testid="export-xlsx">
            {t('followup.export.xlsx')}
          </Button>
          <Button component="a" variant="outline" size="sm" href={exportPath({ ...exportQuery, format: 'pdf' })} download data-testid="export-pdf">
            {t('followup.export.pdf')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
