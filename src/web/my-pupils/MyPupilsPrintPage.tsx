import { Anchor, Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { swedishDate } from '../../domain/common/dates';
import { cellText, parseColumns } from '../../domain/pupils/my-pupils';
import { ErrorState, LoadingState, NotFoundOrNoAccessState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { columnLabel, fullName } from './cells';
import type { ListParams } from './types';
import { useMyGroups, useMyPupilList } from './useMyPupils';
import classes from './print.module.css';

const MAX_BOXES = 15;

/** The print view's choices, kept in the address: lines or boxes, how many boxes, a heading over them. */
function usePrintChoices(role: string) {
  const [search, setSearch] = useSearchParams();
  const parsed = parseColumns(search.get('columns') ?? undefined, role);
  const params: ListParams = { groupId: search.get('groupId'), q: search.get('q') ?? '', columns: parsed.ok ? parsed.columns : [] };
  const layout = search.get('typ') === 'rutor' ? 'rutor' : 'linjer';
  const boxes = Math.min(MAX_BOXES, Math.max(1, Number(search.get('rutor')) || 5));
  const set = (key: string, value: string) => setSearch((s) => { const n = new URLSearchParams(s); n.set(key, value); return n; }, { replace: true });
  return { params, layout, boxes: layout === 'rutor' ? boxes : 0, boxCount: boxes, heading: search.get('rubrik') ?? '', set };
}

/** "Utskrift": the list as shown, on paper — with a ruled line under each pupil or with boxes to tick
 *  (attendance at an excursion …); the unit, class or group and the date in the header; no app frame. */
export function MyPupilsPrintPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('myPupils.printView.title'));
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('pupils.view.own');
  const choice = usePrintChoices(session.current.role);
  const groups = useMyGroups(session.current, allowed);
  const list = useMyPupilList(session.current, choice.params, { enabled: allowed, view: 'print' });
  if (!allowed) return <main><NotFoundOrNoAccessState title={t('myPupils.noAccess')} /></main>;
  const data = list.data;
  const columns = data?.columns ?? [];
  const boxes = Array.from({ length: choice.boxes }, (_, i) => i + 1);
  const withheld = t('myPupils.protected');
  // many columns (or boxes) are printed across the page
  const landscape = columns.length + boxes.length > 5;
  return (
    <main className={classes.page} data-testid="my-pupils-print-page">
      <style>{`@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm; }`}</style>
      <section className={classes.controls} aria-label={t('myPupils.printView.options')}>
        <Group gap="md" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="print-layout-label">{t('myPupils.printView.layout')}</Text>
            <SegmentedControl aria-labelledby="print-layout-label" value={choice.layout} data-testid="print-layout"
              onChange={(v) => choice.set('typ', v)}
              data={[{ value: 'linjer', label: t('myPupils.printView.lines') }, { value: 'rutor', label: t('myPupils.printView.boxes') }]} />
          </Stack>
          {choice.layout === 'rutor' && (
            <>
              <NumberInput label={t('myPupils.printView.boxCount')} min={1} max={MAX_BOXES} value={choice.boxCount} w={140} data-testid="print-box-count"
                onChange={(v) => choice.set('rutor', String(v || 1))} />
              <TextInput label={t('myPupils.printView.boxHeading')} value={choice.heading} w={260} maxLength={60} data-testid="print-box-heading"
                onChange={(e) => choice.set('rubrik', e.currentTarget.value)} />
            </>
          )}
          <Button onClick={() => window.print()} data-testid="print-now">{t('myPupils.printView.print')}</Button>
          <Anchor component={Link} to={`/mina-elever?${new URLSearchParams({ ...(choice.params.groupId ? { grupp: choice.params.groupId } : {}), ...(choice.params.q ? { sok: choice.params.q } : {}) })}`}>
            {t('myPupils.printView.back')}
          </Anchor>
        </Group>
      </section>
      <header className={classes.header}>
        <h1>{`${t('myPupils.printView.heading')}: ${data?.group?.name ?? t('myPupils.printView.allPupils')}`}</h1>
        <div className={classes.meta} data-testid="print-meta">
          <div>{groups.data?.unit?.name ?? session.current.unitName}</div>
          <div>{t('myPupils.printView.printedOn', { date: swedishDate(new Date()) })}</div>
          {data && <div>{t('myPupils.count', { count: data.total })}</div>}
        </div>
      </header>
      {data ? (
        <table className={`${classes.list} ${choice.layout === 'rutor' ? classes.boxes : classes.lines}`} data-testid="print-table"
          aria-label={t('myPupils.listLabel')}>
          <thead>
            {choice.heading && boxes.length > 0 && (
              <tr>
                <td colSpan={columns.length + 2} />
                <th scope="colgroup" colSpan={boxes.length} className={classes.boxHead}>{choice.heading}</th>
              </tr>
            )}
            <tr>
              <th scope="col" className={classes.number}>{t('myPupils.printView.number')}</th>
              <th scope="col">{t('myPupils.name')}</th>
              {columns.map((c) => <th key={c} scope="col">{columnLabel(t, c)}</th>)}
              {boxes.map((n) => <th key={n} scope="col" className={classes.boxHead} aria-label={t('myPupils.printView.box', { n })}>{n}</th>)}
            </tr>
          </thead>
          <tbody>
            {data.pupils.map((p, i) => (
              <tr key={p.id}>
                <td className={classes.number}>{i + 1}</td>
                <th scope="row">{fullName(p)}</th>
                {columns.map((c) => <td key={c}>{cellText(p, c, withheld)}</td>)}
                {boxes.map((n) => <td key={n} className={classes.box} />)}
              </tr>
            ))}
          </tbody>
        </table>
      ) : list.isPending ? <LoadingState /> : <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
    </main>
  );
}
