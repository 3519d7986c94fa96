import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { programmePath, useSupportDeadlines } from '../action-programmes/useActionProgrammes';
import type { SupportDeadline } from '../action-programmes/types';
import { AppLink } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';

const adaptationsPath = (pupilId: string) => `/elever/${encodeURIComponent(pupilId)}/extra-anpassningar`;
const linkOf = (d: SupportDeadline) => (d.kind === 'followup_measure' || !d.pupil ? '/uppfoljning/insatser' : d.programmeId ? programmePath(d.programmeId) : adaptationsPath(d.pupil.id));

/** "Att följa upp" on the teacher's and the principal's start page: pupil-support deadlines overdue or due within 14 days. */
export function DeadlinesSection() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const on = isModuleOn(session, 'planning') && session.allowedActions.includes('pupil-support.view');
  const query = useSupportDeadlines(on);
  if (!on || !query.data) return null;
  return (
    <Section title={t('actionProgrammes.deadlines.title')} testId="support-deadlines">
      <Text size="sm" c="dimmed" mb="xs">{t('actionProgrammes.deadlines.intro')}</Text>
      <DataTable label={t('actionProgrammes.deadlines.title')} testId="support-deadlines-table" empty={t('actionProgrammes.deadlines.none')}
        columns={[t('actionProgrammes.deadlines.due'), t('actionProgrammes.deadlines.what'), t('actionProgrammes.deadlines.pupil')]}
        rows={query.data.deadlines.map((d) => ({
          key: `${d.kind}:${d.id}`,
          cells: [
            <span key="d">{d.due}{d.overdue && <Badge ml={6} color="red" variant="light">{t('actionProgrammes.deadlines.overdue')}</Badge>}</span>,
            <AppLink key="w" to={linkOf(d)} testId="support-deadline-link">{d.text ? `${t(`actionProgrammes.deadlines.kinds.${d.kind}`)}: ${d.text}` : t(`actionProgrammes.deadlines.kinds.${d.kind}`)}</AppLink>,
            d.pupil ? `${d.pupil.givenName} ${d.pupil.familyName}` : '–',
          ],
        }))} />
      <AppLink to="/atgardsprogram" testId="support-deadlines-all">{t('actionProgrammes.toUnitList')}</AppLink>
    </Section>
  );
}
