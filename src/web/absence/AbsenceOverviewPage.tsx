import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable, Section } from '../app/DataTable';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { HeatMap } from './HeatMap';
import { OpenInvestigationModal } from './OpenInvestigationModal';
import { PeriodPicker } from './PeriodPicker';
import { formatShare } from './format';
import { overviewExportUrl, useAbsenceOverview } from './useAbsence';
import type { OverviewPupil } from './types';

const ALL = 'alla';
export const pupilAbsencePath = (id: string) => `/elever/${encodeURIComponent(id)}/franvaro`;

/** "Frånvaro": the absence of a class or mentor group (or the unit) over a period, highlighted pupils, a heat
 *  map per week, the Excel export; the principal opens an investigation for a highlighted pupil. */
export function AbsenceOverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('absence.overview.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('absence.overview');
  const [search, setSearch] = useSearchParams();
  const params = { groupId: search.get('grupp'), from: search.get('fran'), to: search.get('till') };
  const overview = useAbsenceOverview(session.current.unitId, params, allowed);
  const [opening, setOpening] = useState<{ id: string; name: string } | null>(null);
  // the whole unit (hundreds of pupils) opens on the highlighted ones; a class shows everyone
  const [allOfUnit, setAllOfUnit] = useState(false);
  if (!allowed) return <NotFoundOrNoAccessState title={t('absence.overview.title')} testId="absence-no-access" />;

  const set = (values: Record<string, string | null>) => setSearch((s) => {
    const next = new URLSearchParams(s);
    for (const [k, v] of Object.entries(values)) { if (v) next.set(k, v); else next.delete(k); }
    return next;
  }, { replace: true });
  const data = overview.data;
  const isTeacher = session.current.role === 'teacher';
  const isPrincipal = session.current.role === 'principal';
  const groupOptions = [{ value: ALL, label: t(isTeacher ? 'absence.overview.allMine' : 'absence.overview.wholeUnit') },
    ...(data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))];
  const highlighted = data?.pupils.filter((p) => p.highlighted).length ?? 0;
  const wholeUnit = !!data && data.group === null && !isTeacher;
  const shown = data ? (wholeUnit && !allOfUnit ? data.pupils.filter((p) => p.highlighted) : data.pupils) : [];
  const action = (p: OverviewPupil) => {
    if (p.investigationId) return <AppLink to={`/franvaro/utredningar/${p.investigationId}`}>{t('absence.overview.investigationOpen')}</AppLink>;
    if (isPrincipal && p.highlighted) {
      return <Button size="compact-xs" variant="light" data-testid={`open-investigation-${p.id}`}
        onClick={() => setOpening({ id: p.id, name: `${p.givenName} ${p.familyName}` })}>{t('absence.overview.openInvestigation')}</Button>;
    }
    return null;
  };
  return (
    <Stack gap="md" py="md" data-testid="absence-overview-page">
      <div>
        <Title order={1}>{t('absence.overview.title')}{data?.group ? ` – ${data.group.name}` : ''}</Title>
        {data && <Text c="dimmed">{t('absence.overview.intro', { from: data.from, to: data.to, percent: data.threshold.thresholdPercent, count: data.threshold.shortAbsenceCount })}</Text>}
      </div>
      <Group gap="md" align="flex-end">
        <Select label={t('absence.overview.group')} data={groupOptions} value={data?.group?.id ?? params.groupId ?? ALL} allowDeselect={false}
          w={240} data-testid="absence-group" onChange={(v) => set({ grupp: v && v !== ALL ? v : null })} />
        {data && <PeriodPicker from={data.from} to={data.to} onChange={(p) => set({ fran: p.from, till: p.to })} />}
      </Group>
      <Group gap="sm">
        <Button component="a" href={overviewExportUrl({ ...params, groupId: data?.group?.id ?? params.groupId })} download variant="outline" data-testid="absence-export">
          {t('absence.overview.export')}</Button>
        {session.allowedActions.includes('absence.investigations.view') && (
          <Button component={Link} to="/franvaro/utredningar" variant="subtle">{t('absence.overview.investigations')}</Button>)}
        {session.allowedActions.includes('absence.settings.view') && (
          <Button component={Link} to="/franvaro/installningar" variant="subtle">{t('absence.overview.settings')}</Button>)}
      </Group>
      {data && isTeacher && data.groups.length === 0 && (
        <Alert color="gray" data-testid="absence-not-mentor">{t('absence.overview.notMentor')}</Alert>
      )}
      {data ? (
        <>
          <Section title={t('absence.overview.table')} testId="absence-table-section">
            <Group justify="space-between">
              <Text role="status" data-testid="absence-highlighted-count">{t('absence.overview.highlightedCount', { count: highlighted })}</Text>
              {wholeUnit && <Switch label={t('absence.overview.showAll', { count: data.pupils.length })} checked={allOfUnit}
                onChange={(e) => setAllOfUnit(e.currentTarget.checked)} data-testid="absence-show-all" />}
            </Group>
            <DataTable label={t('absence.overview.table')} testId="absence-table" empty={t('absence.overview.none')}
              columns={[t('absence.overview.name'), t('absence.overview.className'), t('absence.overview.lessonMinutes'), t('absence.overview.valid'),
                t('absence.overview.invalid'), t('absence.overview.share'), t('absence.overview.shortCount'), t('absence.overview.highlight'), '']}
              rows={shown.map((p) => ({
                key: p.id,
                cells: [
                  <AppLink key="n" to={pupilAbsencePath(p.id)} testId={`absence-pupil-${p.id}`}>{`${p.familyName}, ${p.givenName}`}</AppLink>,
                  p.className ?? '', p.lessonMinutes, p.validMinutes, p.invalidMinutes, formatShare(p.share), p.shortCount,
                  p.highlighted ? (
                    <Group gap={4} data-testid={`absence-highlight-${p.id}`}>
                      {p.reasons.map((r) => <Badge key={r} color="red" variant="light">{t(`absence.overview.highlightReasons.${r}`)}</Badge>)}
                    </Group>
                  ) : '',
                  action(p),
                ],
              }))} />
          </Section>
          <Section title={t('absence.overview.heatmap')} testId="absence-heatmap-section">
            <HeatMap weeks={data.weeks} pupils={shown} />
          </Section>
          <OpenInvestigationModal pupil={opening} today={data.today} onClose={() => setOpening(null)} />
        </>
      ) : overview.isPending ? <LoadingState /> : <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
    </Stack>
  );
}
