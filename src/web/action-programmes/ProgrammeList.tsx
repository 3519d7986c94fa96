import { useTranslation } from 'react-i18next';
import { AppLink } from '../app/AppLink';
import { DataTable } from '../app/DataTable';
import { AttentionBadge, StatusBadge } from './StatusBadge';
import type { ProgrammeSummary } from './types';
import { programmePath } from './useActionProgrammes';

/** Cases as a table; with the pupil's name and class on the unit's list. */
export function ProgrammeList({ programmes, label, empty, testId, withPupil }:
  { programmes: ProgrammeSummary[]; label: string; empty: string; testId: string; withPupil: boolean }) {
  const { t } = useTranslation();
  const col = (k: string) => t(`actionProgrammes.col.${k}`);
  return (
    <DataTable label={label} testId={testId} empty={empty}
      columns={[...(withPupil ? [col('pupil'), col('className')] : [col('started')]), col('status'), col('decided'), col('evaluateBy'), col('next'), col('attention')]}
      rows={programmes.map((p) => ({
        key: p.id,
        cells: [
          ...(withPupil
            ? [<AppLink key="n" to={programmePath(p.id)} testId="programme-link">{`${p.familyName}, ${p.givenName}`}</AppLink>, p.className ?? '–']
            : [<AppLink key="n" to={programmePath(p.id)} testId="programme-link">{p.investigationStartedOn}</AppLink>]),
          <StatusBadge key="s" status={p.status} />, p.decidedOn ?? '–', p.evaluateBy ?? '–', p.nextFollowUp ?? '–',
          <AttentionBadge key="a" attention={p.attention} />,
        ],
      }))} />
  );
}
