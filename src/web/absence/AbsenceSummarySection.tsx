import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { isModuleOn } from '../organisation/RequireModule';
import { useCurrentSession } from '../session/useSession';
import { pupilAbsencePath } from './AbsenceOverviewPage';
import { formatMinutes, formatShare } from './format';
import { usePupilAbsence } from './useAbsence';

/** A short summary of the pupil's absence this term on the staff's pupil page, with a link to the whole.
 *  Nothing when the absence module is off or the absence is not the viewer's to see. */
export function AbsenceSummarySection({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const on = isModuleOn(session, 'absence') && session.allowedActions.includes('absence.view');
  const absence = usePupilAbsence(pupilId, {}, on);
  if (!on || !absence.data) return null;
  const { totals, from, to } = absence.data;
  return (
    <Section title={t('absence.pupil.title')} testId="pupil-absence-summary">
      <Text size="sm" c="dimmed">{`${from}–${to}`}</Text>
      <FactTable label={t('absence.pupil.totals')} facts={[
        [t('absence.pupil.validMinutes'), formatMinutes(totals.validMinutes)],
        [t('absence.pupil.invalidMinutes'), formatMinutes(totals.invalidMinutes)],
        [t('absence.pupil.share'), formatShare(totals.share)],
      ]} />
      <AppLink to={pupilAbsencePath(pupilId)} testId="pupil-absence-link">{t('absence.pupil.list')}</AppLink>
    </Section>
  );
}
