import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { TalkStatusBadges } from './TalkView';
import { talkPath, talksPath, useTalkClasses } from './useTalks';

/** The mentor's classes: which pupils have a planned or held talk this term (nothing when the teacher mentors no class). */
export function ClassTalks() {
  const { t } = useTranslation();
  const query = useTalkClasses();
  if (!query.data || query.data.classes.length === 0) return null;
  const { from, to } = query.data;
  return (
    <Section title={t('developmentTalks.preparation.classes')} testId="class-talks">
      {from && to && <Text size="sm" c="dimmed">{t('developmentTalks.preparation.classesIntro', { from, to })}</Text>}
      {query.data.classes.map((c) => (
        <DataTable key={c.id} label={c.name} testId={`class-talks-${c.name}`} empty=""
          columns={[`${t('developmentTalks.preparation.pupil')} (${c.name})`, t('developmentTalks.preparation.talk')]}
          rows={c.pupils.map((p) => ({ key: p.pupilId, cells: [
            <AppLink key="n" to={talksPath(p.pupilId)}>{`${p.familyName}, ${p.givenName}`}</AppLink>,
            p.talkId && p.status ? (
              <Group key="t" gap="xs"><AppLink to={talkPath(p.talkId)}>{p.heldOn}</AppLink>
                <TalkStatusBadges talk={{ status: p.status, sharedAt: p.shared ? p.heldOn : null }} /></Group>
            ) : <Text key="t" size="sm" c="dimmed">{t('developmentTalks.preparation.noTalk')}</Text>] }))} />
      ))}
    </Section>
  );
}
