import { Box, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import { ErrorState, LoadingState } from '../app/states';
import { RequirementText } from './RequirementText';
import type { KnowledgeMatrix, ShownAssessment } from './types';
import { useKnowledgeMatrix } from './useAssessment';
import classes from './assessment.module.css';

function Level({ a }: { a: ShownAssessment | null | undefined }) {
  const { t } = useTranslation();
  if (!a) return <span aria-label={t('assessment.matrix.empty')}>{t('assessment.knowledge.notAssessed')}</span>;
  return (
    <span title={t('assessment.knowledge.assessedBy', { date: formatDate(a.assessedOn), who: a.assessedByName })}>
      {a.label}{a.comment ? <Text span size="xs" display="block">{a.comment}</Text> : null}
    </span>
  );
}

function Matrix({ km }: { km: KnowledgeMatrix }) {
  const { t } = useTranslation();
  if (!km.requirements.length) return <Text>{t('assessment.knowledge.noRequirements')}</Text>;
  return (
    <Box className={classes.scroll} role="region" tabIndex={0} aria-label={t('assessment.knowledge.title')}>
      <Table withTableBorder striped className={`${classes.table} ${classes.km}`} aria-label={t('assessment.knowledge.title')} data-testid="knowledge-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assessment.knowledge.requirement')}</Table.Th>
            <Table.Th scope="col">{t('assessment.knowledge.latest')}</Table.Th>
            {km.plannings.map((p) => (
              <Table.Th key={p.id} scope="col">{p.title}<Text span size="xs" display="block" c="dimmed">{formatDate(p.periodStart)}–{formatDate(p.periodEnd)}</Text></Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {km.requirements.map((r) => (
            <Table.Tr key={r.id} data-testid="knowledge-row">
              <Table.Th scope="row" className={classes.kmReq} fw={400}><Text span size="xs" c="dimmed" display="block">{r.stageName}</Text><RequirementText text={r.text} /></Table.Th>
              <Table.Td data-testid="knowledge-latest"><strong><Level a={r.latest} /></strong></Table.Td>
              {km.plannings.map((p) => <Table.Td key={p.id}><Level a={r.cells.find((c) => c.planningId === p.id)} /></Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** The pupil's kunskapsmatris with a subject picker; `subject` is controlled by the caller (the address or a drawer's state). */
export function KnowledgeMatrixView({ pupilId, subject, onSubject }: { pupilId: string; subject: string | null; onSubject: (code: string) => void }) {
  const { t } = useTranslation();
  const km = useKnowledgeMatrix(pupilId, subject);
  if (km.isPending) return <LoadingState />;
  if (!km.data) return <ErrorState error={km.error} onRetry={() => void km.refetch()} />;
  const data = km.data;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('assessment.knowledge.intro')}</Text>
      {!data.subjects.length ? <Text>{t('assessment.knowledge.noSubjects')}</Text> : (
        <Select label={t('assessment.knowledge.subject')} data={data.subjects.map((s) => ({ value: s.code, label: s.name }))} value={data.subject}
          onChange={(v) => v && onSubject(v)} allowDeselect={false} w={280} data-testid="knowledge-subject" />
      )}
      {data.subject && <Matrix km={data} />}
    </Stack>
  );
}
