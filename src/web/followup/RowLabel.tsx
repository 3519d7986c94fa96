import { AppLink } from '../app/AppLink';
import { pagePath } from './format';
import type { ReportRow } from './types';

/** A row's name, a link to the next level down where the actor may go there. */
export function RowLabel({ row }: { row: ReportRow }) {
  const to = row.drill ? pagePath(row.drill) : null;
  return to ? <AppLink to={to} testId={`drill-${row.key}`}>{row.label}</AppLink> : <>{row.label}</>;
}
