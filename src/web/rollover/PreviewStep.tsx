import { Accordion, Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../app/DataTable';
import { formatSchoolYear } from '../app/format';
import { useSchoolForms } from '../start/useSchoolForms';
import type { GroupStep, RolloverPreview } from './types';

const TABLES = ['enrolment', 'student_group', 'group_membership', 'group_staff'] as const;

function GroupTable({ value, title, groups, testId }: { value: string; title: string; groups: GroupStep[]; testId: string }) {
  const { t } = useTranslation();
  if (!groups.length) return null;
  const staff = (g: GroupStep) => g.staff.map((s) => (s.carried ? s.name : `${s.name} (${t('rollover.groups.notCarried')})`)).join(', ');
  return (
    <Accordion.Item value={value}>
      <Accordion.Control data-testid={`${testId}-toggle`}>{`${title} (${groups.length})`}</Accordion.Control>
      <Accordion.Panel>
        <DataTable
          label={title}
          testId={testId}
          empty={t('rollover.groups.none')}
          columns={[t('rollover.groups.now'), t('rollover.groups.next'), t('rollover.groups.pupils'), t('rollover.groups.staff')]}
          rows={groups.map((g) => ({
            key: g.id,
            cells: [g.name, g.newName === null ? t('rollover.groups.ends') : g.nameKept ? `${g.newName} ${t('rollover.groups.kept')}` : g.newName,
              g.newName === null ? '–' : `${g.pupilsCarried} / ${g.pupils}`, g.newName === null ? '–' : staff(g)],
          }))}
        />
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** Step 2: everything the rollover will create and end, with what to check first. Nothing is written yet. */
export function PreviewStep({ preview }: { preview: RolloverPreview }) {
  const { t } = useTranslation();
  const schoolForm = useSchoolForms();
  const counts = preview.counts;
  return (
    <Stack gap="lg" data-testid="rollover-preview-result">
      <section aria-labelledby="rollover-counts">
        <Title order={2} size="h3" id="rollover-counts" mb="xs">{t('rollover.counts.title')}</Title>
        <DataTable
          label={t('rollover.counts.label')}
          testId="rollover-counts"
          empty=""
          columns={[t('rollover.counts.what'), t('rollover.counts.created'), t('rollover.counts.ended')]}
          rows={[
            { key: 'terms', cells: [t('rollover.counts.terms'), String(counts.terms), '0'] },
            ...TABLES.map((k) => ({ key: k, cells: [t(`rollover.counts.${k}`), String(counts.created[k] ?? 0), String(counts.ended[k] ?? 0)] })),
          ]}
        />
      </section>
      <section aria-labelledby="rollover-warnings">
        <Title order={2} size="h3" id="rollover-warnings" mb="xs">{t('rollover.warnings.title')}</Title>
        {preview.warnings.length === 0 ? <Text>{t('rollover.warnings.none')}</Text> : (
          <Stack gap="xs" data-testid="rollover-warnings">
            {preview.warnings.map((w) => (
              <Alert key={w.code} color="orange" variant="light" data-testid={`rollover-warning-${w.code}`}>
                <Text size="sm">{t(`rollover.warnings.${w.code}`, { count: w.count })}</Text>
                {w.items.length > 0 && <Text size="sm" mt={4}>{w.items.join(', ')}</Text>}
              </Alert>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="rollover-pupils">
        <Title order={2} size="h3" id="rollover-pupils" mb="xs">{t('rollover.pupils.title')}</Title>
        <DataTable
          label={t('rollover.pupils.promotedLabel')}
          testId="rollover-promoted"
          empty=""
          columns={[t('rollover.pupils.fromYear'), t('rollover.pupils.toYear'), t('rollover.pupils.schoolForm'), t('rollover.pupils.count')]}
          rows={preview.promoted.map((p) => ({ key: `${p.schoolForm}-${p.fromYear}`, cells: [formatSchoolYear(p.fromYear), formatSchoolYear(p.toYear), schoolForm([p.schoolForm]), String(p.count)] }))}
        />
      </section>
      <section aria-labelledby="rollover-groups">
        <Title order={2} size="h3" id="rollover-groups" mb="xs">{t('rollover.groups.title')}</Title>
        <Text size="sm" mb="xs">{t('rollover.oldYearEnds', { date: preview.oldYearEnds, start: preview.newYearStarts })}</Text>
        <Accordion multiple defaultValue={['classes']} variant="contained">
          <Accordion.Item value="leaving">
            <Accordion.Control data-testid="rollover-leaving-toggle">{t('rollover.pupils.leavingTitle', { count: preview.leaving.length })}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" mb="xs">{t('rollover.pupils.leavingHelp')}</Text>
              <DataTable
                label={t('rollover.pupils.leavingLabel')}
                testId="rollover-leaving"
                empty={t('rollover.pupils.none')}
                columns={[t('rollover.pupils.name'), t('rollover.pupils.className'), t('rollover.pupils.schoolForm')]}
                rows={preview.leaving.map((p) => ({ key: p.id, cells: [p.name, p.className ?? '–', schoolForm([p.schoolForm])] }))}
              />
            </Accordion.Panel>
          </Accordion.Item>
          <GroupTable value="classes" title={t('rollover.groups.classes')} groups={preview.groups.filter((g) => g.groupType === 'class')} testId="rollover-classes" />
          <GroupTable value="mentor" title={t('rollover.groups.mentor')} groups={preview.groups.filter((g) => g.groupType === 'mentor')} testId="rollover-mentor-groups" />
          <GroupTable value="teaching" title={t('rollover.groups.teaching')} groups={preview.groups.filter((g) => g.groupType === 'teaching')} testId="rollover-teaching" />
        </Accordion>
      </section>
    </Stack>
  );
}
