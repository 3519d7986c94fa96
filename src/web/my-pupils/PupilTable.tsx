import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Anchor, Badge, Box } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pupilPath } from '../app/AppLink';
import { cellText, isWithheld } from '../../domain/pupils/my-pupils';
import { columnLabel, fullName } from './cells';
import type { MyPupilColumn, MyPupilRow } from './types';
import classes from './myPupils.module.css';

const ROW_HEIGHT = 36;
const OVERSCAN = 15;

/** The rows in view of a scroll region: a window over the list, so 2,000 pupils cost what 40 do. */
function useWindow(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 60) });
  const update = useCallback(() => {
    const el = ref.current;
    const top = el?.scrollTop ?? 0;
    const height = el?.clientHeight || 800;
    const start = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const end = Math.min(count, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [count]);
  useLayoutEffect(update, [update]);
  return { ref, range, update };
}

function Spacer({ rows, span }: { rows: number; span: number }) {
  if (rows <= 0) return null;
  return (
    <tr className={classes.spacer} aria-hidden="true">
      <td colSpan={span} style={{ height: rows * ROW_HEIGHT }} />
    </tr>
  );
}

/** The list of pupils: the name (with the blue dot) opens the pupil; withheld values show "Skyddad". */
export function PupilTable({ pupils, columns }: { pupils: MyPupilRow[]; columns: MyPupilColumn[] }) {
  const { t } = useTranslation();
  const { ref, range, update } = useWindow(pupils.length);
  const withheld = t('myPupils.protected');
  const span = columns.length + 1;
  return (
    <Box ref={ref} className={classes.scroll} onScroll={update} tabIndex={0} role="region" aria-label={t('myPupils.listLabel')}>
      <table className={classes.table} aria-rowcount={pupils.length + 1} data-testid="my-pupils-table">
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('myPupils.name')}</th>
            {columns.map((c) => <th key={c} scope="col">{columnLabel(t, c)}</th>)}
          </tr>
        </thead>
        <tbody>
          <Spacer rows={range.start} span={span} />
          {pupils.slice(range.start, range.end).map((p, i) => (
            <tr key={p.id} className={classes.row} aria-rowindex={range.start + i + 2} data-testid="my-pupils-row">
              <th scope="row">
                <Anchor component={Link} to={pupilPath(p.id)} className={classes.name} data-testid="my-pupils-name">
                  <span className={classes.dot} aria-hidden="true" />
                  {fullName(p)}
                </Anchor>
              </th>
              {columns.map((c) => {
                const text = cellText(p, c, withheld);
                return (
                  <td key={c} title={text || undefined}>
                    {isWithheld(p, c) && text === withheld
                      ? <Badge color="red.9" variant="filled" tt="none" title={t('myPupils.protectedHint')}>{withheld}</Badge>
                      : text}
                  </td>
                );
              })}
            </tr>
          ))}
          <Spacer rows={pupils.length - range.end} span={span} />
        </tbody>
      </table>
    </Box>
  );
}
