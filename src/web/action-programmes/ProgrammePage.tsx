import { Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink, pupilPath } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { FactTable } from '../app/FactTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { EvaluationSection, FollowUpSection, HomeSection } from './AfterDecision';
import { DecisionSection } from './DecisionSection';
import { DraftEditor } from './DraftEditor';
import { Prose, StatusBadge } from './StatusBadge';
import type { ProgrammeCase } from './types';
import { pupilProgrammesPath, useProgramme } from './useActionProgrammes';

/** The programme as written: needs, measures with responsible and follow-ups, the evaluation date. */
function ProgrammeView({ c }: { c: ProgrammeCase }) {
  const { t } = useTranslation();
  const title = c.decision === 'programme' ? t('actionProgrammes.programmeDecided') : t('actionProgrammes.programme');
  return (
    <Section title={title} testId="programme-section">
      <Stack gap="md">
        <FactTable label={title} testId="programme-facts" facts={[
          [t('actionProgrammes.needs'), <Prose key="n" text={c.needs} testId="programme-needs" />],
          [t('actionProgrammes.evaluateBy'), c.evaluateBy ?? '–'],
        ]} />
        <DataTable label={t('actionProgrammes.measures')} testId="measures-table" empty={t('actionProgrammes.noMeasures')}
          columns={[t('actionProgrammes.measure'), t('actionProgrammes.responsible'), t('actionProgrammes.followUpOn'), t('actionProgrammes.followUpNotes')]}
          rows={c.measures.map((m) => ({ key: m.id, cells: [<Prose key="m" text={m.measure} />, m.responsible, m.followUpOn, <Prose key="f" text={m.followUpNote} />] }))} />
      </Stack>
    </Section>
  );
}

function CaseView({ c }: { c: ProgrammeCase }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const staff = session.current.role === 'teacher' || session.current.role === 'principal';
  const name = `${c.givenName} ${c.familyName}`;
  useDocumentTitle(t('actionProgrammes.caseTitle', { name }));
  return (
    <Stack gap="lg" py="md" data-testid="programme-page">
      <div>
        <Title order={1}>{t('actionProgrammes.caseTitle', { name })}</Title>
        {!staff && <AppLink to={session.current.role === 'pupil' ? '/mitt' : `/barn/${encodeURIComponent(c.pupilId)}`}>{name}</AppLink>}
        {staff && (
          <Group gap="md">
            <AppLink to={pupilProgrammesPath(c.pupilId)} testId="programme-back">{t('actionProgrammes.back')}</AppLink>
            <AppLink to={pupilPath(c.pupilId)}>{t('actionProgrammes.toPupil')}</AppLink>
          </Group>
        )}
      </div>
      <Section title={t('actionProgrammes.facts')}>
        <FactTable label={t('actionProgrammes.facts')} testId="programme-facts-case" facts={[
          [t('actionProgrammes.pupil'), name],
          [t('actionProgrammes.className'), c.className ?? '–'],
          [t('actionProgrammes.unit'), c.unitName],
          [t('actionProgrammes.status'), <StatusBadge key="s" status={c.status} />],
          [t('actionProgrammes.startedOn'), c.investigationStartedOn],
          [t('actionProgrammes.investigatedBy'), c.investigatedBy],
          [t('actionProgrammes.reason'), <Prose key="r" text={c.investigationReason} />],
        ]} />
      </Section>
      {c.may.edit ? (
        <Section title={t('actionProgrammes.investigation')} testId="draft-section"><DraftEditor c={c} /></Section>
      ) : (
        <>
          <Section title={t('actionProgrammes.investigation')} testId="investigation-section">
            <Text size="sm" fw={600}>{t('actionProgrammes.findings')}</Text>
            <Text size="sm"><Prose text={c.investigationFindings} testId="investigation-findings" /></Text>
          </Section>
          {c.decision !== 'no_programme' && <ProgrammeView c={c} />}
        </>
      )}
      <DecisionSection c={c} />
      {staff && c.decision && <HomeSection c={c} />}
      <FollowUpSection c={c} />
      <EvaluationSection c={c} />
    </Stack>
  );
}

/** /atgardsprogram/:programmeId — one case from the investigation to the evaluation. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const query = useProgramme(programmeId);
  if (query.data) return <CaseView key={query.data.id} c={query.data} />;
  if (query.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(query.error)) return <NotFoundOrNoAccessState title={t('actionProgrammes.notFound')} testId="programme-not-found" />;
  return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
}
