import { useState } from 'react';
import { Accordion, Alert, Anchor, Box, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatSchoolYear } from '../app/format';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { CellDrawer } from './CellDrawer';
import { MatrixCellButton } from './MatrixCellButton';
import { planningPath } from './paths';
import { plainRequirement, RequirementText } from './RequirementText';
import { cellKey, type Matrix, type MatrixPupil, type Requirement } from './types';
import { useMatrix, useShareAssessments } from './useAssessment';
import { useMatrixSaves } from './useMatrixSaves';
import classes from './assessment.module.css';

const STEP_ORDER = ['E', 'C', 'A', 'G'];

function Requirements({ requirements }: { requirements: Requirement[] }) {
  const { t } = useTranslation();
  return (
    <Accordion variant="separated" multiple data-testid="matrix-requirements">
      {requirements.map((r, i) => (
        <Accordion.Item key={r.id} value={r.id}>
          <Accordion.Control>
            <Text size="sm"><strong>{t('assessment.matrix.requirement', { n: i + 1 })}</strong> · {r.stageName}: <RequirementText text={r.text} /></Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              {STEP_ORDER.filter((s) => r.choices[s]).map((s) => (
                <Text key={s} size="sm"><strong>{t('assessment.matrix.wordingOf', { step: s })}:</strong> <RequirementText text={r.choices[s]} /></Text>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function SharePanel({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const share = useShareAssessments(matrix.planning.id);
  const shared = matrix.planning.assessmentsShared;
  return (
    <Group gap="sm" data-testid="matrix-share">
      <Text size="sm" data-testid="matrix-share-state">{t(shared ? 'assessment.matrix.shared' : 'assessment.matrix.notShared')}</Text>
      {matrix.mayShare && (matrix.planning.status === 'published' ? (
        <Button size="xs" variant={shared ? 'default' : 'filled'} loading={share.isPending} onClick={() => share.mutate(!shared)} data-testid="matrix-share-button">
          {t(shared ? 'assessment.matrix.unshare' : 'assessment.matrix.share')}
        </Button>
      ) : <Text size="sm" c="dimmed">{t('assessment.matrix.shareNeedsPublished')}</Text>)}
      {share.isError && <Alert color="red" role="alert">{t('app.unexpectedError')}</Alert>}
    </Group>
  );
}

function MatrixView({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const { planning } = matrix;
  useDocumentTitle(t('assessment.matrix.heading', { title: planning.title }));
  const saves = useMatrixSaves(planning.id);
  const [open, setOpen] = useState<{ pupilId: string; requirementId: string } | null>(null);
  const cellOf = (p: string, r: string) => matrix.cells.find((c) => c.pupilId === p && c.requirementId === r);
  const name = (p: MatrixPupil) => `${p.givenName} ${p.familyName}`;
  const target = open && (() => {
    const pupil = matrix.pupils.find((p) => p.id === open.pupilId);
    const index = matrix.requirements.findIndex((r) => r.id === open.requirementId);
    return pupil && index >= 0 ? { pupil, requirement: matrix.requirements[index], n: index + 1, cell: cellOf(pupil.id, open.requirementId) } : null;
  })();
  const hasMiddle = matrix.pupils.some((p) => p.year === 4 || p.year === 5);
  return (
    <Stack gap="md" py="md" data-testid="assessment-matrix-page">
      <div>
        <Anchor component={Link} to={planningPath(planning.id)} size="sm">{t('assessment.matrix.back')}</Anchor>
        <Title order={1}>{t('assessment.matrix.heading', { title: planning.title })}</Title>
        <Text c="dimmed">{t('assessment.matrix.intro', { subject: planning.subjectName, groups: planning.groups.map((g) => g.name).join(', '),
          from: formatDate(planning.periodStart), to: formatDate(planning.periodEnd) })}</Text>
      </div>
      <SharePanel matrix={matrix} />
      <Text size="sm">{matrix.mayAssess ? t('assessment.matrix.help') : t('assessment.matrix.readOnly')}</Text>
      {hasMiddle && <Text size="sm">{t('assessment.matrix.scaleNote', { steps: matrix.scale.join(' / ') })}</Text>}
      {!matrix.requirements.length ? <Text>{t('assessment.matrix.noRequirements')}</Text> : (
        <>
          <Requirements requirements={matrix.requirements} />
          {!matrix.pupils.length ? <Text>{t('assessment.matrix.noPupils')}</Text> : (
            <Box className={classes.scroll} role="region" tabIndex={0} aria-label={t('assessment.matrix.title')}>
              <Table withTableBorder striped className={classes.table} aria-label={t('assessment.matrix.heading', { title: planning.title })} data-testid="assessment-matrix">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('assessment.matrix.pupil')}</Table.Th>
                    <Table.Th scope="col">{t('assessment.matrix.year')}</Table.Th>
                    {matrix.requirements.map((r, i) => (
                      <Table.Th key={r.id} scope="col" className={classes.reqHead} title={plainRequirement(r.text)}>
                        {t('assessment.matrix.requirement', { n: i + 1 })}
                        <span className={classes.reqHeadText}>{plainRequirement(r.text)}</span>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {matrix.pupils.map((p) => (
                    <Table.Tr key={p.id} data-pupil={p.id} data-testid="matrix-row">
                      <Table.Th scope="row">{p.familyName} {p.givenName}</Table.Th>
                      <Table.Td title={p.steps.length ? undefined : t('assessment.matrix.noSteps')}>{formatSchoolYear(p.year)}</Table.Td>
                      {matrix.requirements.map((r, i) => {
                        const c = cellOf(p.id, r.id);
                        return (
                          <Table.Td key={r.id} data-requirement={r.id}>
                            <MatrixCellButton pupilName={name(p)} n={i + 1} steps={p.steps} level={c?.level ?? null} label={c?.label ?? null}
                              comment={c?.comment ?? null} status={saves.status[cellKey(p.id, r.id)]} editable={matrix.mayAssess}
                              onSave={(level) => void saves.save(p.id, r.id, level)} onMore={() => setOpen({ pupilId: p.id, requirementId: r.id })} />
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          )}
        </>
      )}
      <CellDrawer planningId={planning.id} target={target ?? null} editable={matrix.mayAssess} onClose={() => setOpen(null)}
        onSave={(level, comment) => saves.save(open!.pupilId, open!.requirementId, level, comment)} />
    </Stack>
  );
}

/** /planering/:planningId/bedomning — the planning's assessment matrix (pupils × requirements). */
export function AssessmentMatrixPage() {
  const { t } = useTranslation();
  const { planningId = '' } = useParams();
  const matrix = useMatrix(planningId);
  if (matrix.data) return <MatrixView matrix={matrix.data} />;
  if (matrix.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(matrix.error)) return <NotFoundOrNoAccessState title={t('assessment.matrix.title')} testId="assessment-matrix-not-found" />;
  return <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />;
}
