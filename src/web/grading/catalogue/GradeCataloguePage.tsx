import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isGradeStep } from '../../../domain/grading/scale';
import { AppLink } from '../../app/AppLink';
import { DataTable, Section } from '../../app/DataTable';
import { ErrorState, isNotFoundOrForbidden, LoadingState, NotFoundOrNoAccessState } from '../../app/states';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useCurrentSession } from '../../session/useSession';
import { gradeRegisterPath } from '../register/paths';
import { CatalogueActions } from './CatalogueActions';
import { CorrectionForm, type CorrectionTarget } from './CorrectionForm';
import { DisagreementForm, type DisagreementTarget } from './DisagreementForm';
import { CATALOGUE_COLUMNS, cataloguePdfPath, undecided, type Catalogue, type CatalogueColumn, type CatalogueLine } from './types';
import { useCatalogue, useRegisterIds } from './useCatalogue';
import { showStep } from '../register/types';

const STATE_COLOR: Record<string, string> = { registered: 'gray', confirmed: 'blue', decided: 'green', locked: 'dark' };

function CatalogueView({ catalogue, chooser }: { catalogue: Catalogue; chooser: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const isAdmin = session.allowedActions.includes('grades.administer');
  const isGrader = session.allowedActions.includes('grades.register');
  const register = useRegisterIds(catalogue.group.id, isAdmin, session.current);
  const [target, setTarget] = useState<CorrectionTarget | null>(null);
  const [disagreement, setDisagreement] = useState<DisagreementTarget | null>(null);
  const [notice, setNotice] = useState<{ text: string; testId: string } | null>(null);
  const title = t('gradeCatalogue.title', { group: catalogue.group.name });
  useDocumentTitle(title);

  const correctionTarget = (pupilId: string, name: string): CorrectionTarget | null => {
    const line = catalogue.lines.find((l) => l.pupilId === pupilId);
    const cell = register.data?.pupils.find((p) => p.id === pupilId)?.cells[catalogue.column];
    if (!line?.value || !isGradeStep(line.value) || !line.state || !cell?.gradeId) return null;
    return { gradeId: cell.gradeId, name, value: line.value, state: line.state, steps: cell.steps };
  };
  const displayName = (name: string) => name.split(', ').reverse().join(' ');
  const changeable = (state: string | null) => state === 'decided' || state === 'locked';
  const withActions = isAdmin || catalogue.canDecideDisagreement;
  const actionsOf = (l: CatalogueLine) => {
    const buttons: ReactNode[] = [];
    if (isAdmin && changeable(l.state)) {
      buttons.push(
        <Button
          key="c"
          size="xs"
          variant="outline"
          disabled={!register.data}
          aria-label={t('gradeCatalogue.correction.openLabel', { name: displayName(l.name) })}
          onClick={() => {
            setNotice(null);
            setTarget(correctionTarget(l.pupilId, displayName(l.name)));
          }}
        >
          {t('gradeCatalogue.correction.open')}
        </Button>,
      );
    }
    if (catalogue.canDecideDisagreement && undecided(l)) {
      buttons.push(
        <Button
          key="d"
          size="xs"
          variant="outline"
          data-testid="disagreement-open"
          aria-label={t('gradeCatalogue.disagreement.openLabel', { name: displayName(l.name) })}
          onClick={() => {
            setNotice(null);
            setDisagreement({ gradeId: l.gradeId, name: displayName(l.name), value: l.value, steps: l.steps });
          }}
        >
          {t('gradeCatalogue.disagreement.open')}
        </Button>,
      );
    }
    return buttons.length ? (
      <Group key="a" gap="xs" wrap="nowrap">
        {buttons}
      </Group>
    ) : (
      '–'
    );
  };

  return (
    <Stack gap="xl" py="md">
      <div>
        <Title order={1} data-testid="catalogue-title">
          {title}
        </Title>
        <Text c="dimmed">
          {t('gradeCatalogue.subtitle', { subject: catalogue.group.subject.name, term: catalogue.term.label, unit: catalogue.group.unit.name })}
        </Text>
        {(isGrader || isAdmin) && <AppLink to={gradeRegisterPath(catalogue.group.id)}>{t('gradeCatalogue.backToRegister')}</AppLink>}
      </div>
      {chooser}
      {catalogue.decided ? (
        <Alert color="green" data-testid="catalogue-decided">
          <Text fw={600}>{t('gradeCatalogue.decided')}</Text>
        </Alert>
      ) : (
        <Text data-testid="catalogue-not-decided">{t('gradeCatalogue.notDecided')}</Text>
      )}
      <Group gap="md" align="center">
        <Anchor href={cataloguePdfPath(catalogue.group.id, catalogue.column)} target="_blank" rel="noopener" data-testid="catalogue-pdf">
          {t('gradeCatalogue.pdf')}
        </Anchor>
      </Group>
      <CatalogueActions catalogue={catalogue} personId={session.person.id} isAdmin={isAdmin} onDone={() => setNotice(null)} />
      <div aria-live="polite">
        {notice && (
          <Alert color="green" data-testid={notice.testId}>
            {notice.text}
          </Alert>
        )}
      </div>
      <Section title={t('gradeCatalogue.lines')} testId="catalogue-lines">
        <DataTable
          label={t('gradeCatalogue.lines')}
          testId="catalogue-table"
          empty={t('gradeCatalogue.noLines')}
          columns={[
            t('gradeCatalogue.col.pupil'),
            t('gradeCatalogue.col.grade'),
            t('gradeCatalogue.col.state'),
            ...(withActions ? [t('gradeCatalogue.col.action')] : []),
          ]}
          rows={catalogue.lines.map((l) => ({
            key: l.pupilId,
            cells: [
              l.name,
              <span key="v" data-testid="catalogue-value">{showStep(l.value)}</span>,
              <Badge key="s" variant="light" tt="none" color={l.state ? STATE_COLOR[l.state] : 'gray'} data-testid="catalogue-state">
                {t(`gradeCatalogue.states.${l.state ?? 'none'}`)}
              </Badge>,
              ...(withActions ? [actionsOf(l)] : []),
            ],
          }))}
        />
      </Section>
      <Section title={t('gradeCatalogue.teachers')} testId="catalogue-teachers">
        <DataTable
          label={t('gradeCatalogue.teachers')}
          empty={t('gradeCatalogue.noTeachers')}
          columns={[t('gradeCatalogue.col.name'), t('gradeCatalogue.col.licence')]}
          rows={catalogue.teachers.map((x) => ({
            key: x.id,
            cells: [x.name, x.licensed ? t('gradeCatalogue.licensed') : t('gradeCatalogue.unlicensed')],
          }))}
        />
      </Section>
      <Section title={t('gradeCatalogue.signatures')} testId="catalogue-signatures">
        <DataTable
          label={t('gradeCatalogue.signatures')}
          testId="signatures-table"
          empty={t('gradeCatalogue.noSignatures')}
          columns={[t('gradeCatalogue.col.name'), t('gradeCatalogue.col.licence'), t('gradeCatalogue.col.signedAt')]}
          rows={catalogue.signatures.map((s) => ({
            key: s.signerId,
            cells: [s.name, s.licensed ? t('gradeCatalogue.licensed') : t('gradeCatalogue.unlicensed'),
              s.inForce ? s.signedAt : t('gradeCatalogue.signatureOutdated', { at: s.signedAt })],
          }))}
        />
      </Section>
      {target && (
        <CorrectionForm
          catalogue={catalogue}
          target={target}
          onClose={() => setTarget(null)}
          onDone={(message) => {
            setTarget(null);
            setNotice({ text: message, testId: 'correction-notice' });
          }}
        />
      )}
      {disagreement && (
        <DisagreementForm
          catalogue={catalogue}
          target={disagreement}
          onClose={() => setDisagreement(null)}
          onDone={(message) => {
            setDisagreement(null);
            setNotice({ text: message, testId: 'disagreement-notice' });
          }}
        />
      )}
    </Stack>
  );
}

/** /betyg/grupp/:groupId/katalog — the grade catalogue of a group for one column. */
export function GradeCataloguePage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const session = useCurrentSession();
  const asked = params.get('kolumn');
  const column: CatalogueColumn = CATALOGUE_COLUMNS.includes(asked as CatalogueColumn) ? (asked as CatalogueColumn) : 'HT';
  const catalogue = useCatalogue(groupId, column, session.current);
  const chooser = (
    <Group gap="sm" align="center">
      <Text fw={500} id="catalogue-column-label">
        {t('gradeCatalogue.column')}
      </Text>
      <SegmentedControl
        aria-labelledby="catalogue-column-label"
        data-testid="catalogue-column"
        value={column}
        onChange={(v) => setParams({ kolumn: v }, { replace: true })}
        data={CATALOGUE_COLUMNS.map((c) => ({ value: c, label: t(`gradeCatalogue.columns.${c}`) }))}
      />
    </Group>
  );
  if (catalogue.data) {
    return <CatalogueView catalogue={catalogue.data} chooser={chooser} />;
  }
  if (catalogue.isPending) return <LoadingState />;
  if (isNotFoundOrForbidden(catalogue.error)) return <NotFoundOrNoAccessState title={t('gradeCatalogue.notFound')} testId="catalogue-not-found" />;
  return <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
}
