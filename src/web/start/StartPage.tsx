import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../app/states';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useCurrentSession } from '../session/useSession';
import { TeacherStartView } from './TeacherStart';
import { AdministratorStartView } from './AdministratorStart';
import { PrincipalStartView } from './PrincipalStart';
import { AnalystStartView } from './AnalystStart';
import { GuardianStartView } from './GuardianStart';
import { PupilStartView } from './PupilStart';
import { StudentHealthStartView } from './StudentHealthStart';
import type { StartData } from './types';
import { useStart } from './useStart';

function Body({ data }: { data: StartData }) {
  switch (data.kind) {
    case 'teacher':
      return <TeacherStartView data={data} />;
    case 'administrator':
      return <AdministratorStartView data={data} />;
    case 'principal':
      return <PrincipalStartView data={data} />;
    case 'analyst':
      return <AnalystStartView data={data} />;
    case 'guardian':
      return <GuardianStartView data={data} />;
    case 'pupil':
      return <PupilStartView data={data} />;
    case 'student_health':
      return <StudentHealthStartView data={data} />;
  }
}

/** The start page of the current role: real data from GET /api/start. */
export function StartPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('start.title'));
  const session = useCurrentSession();
  const start = useStart(session.current);
  const role = t(`app.roles.${session.current.role}`);
  const subtitle = session.current.unitName
    ? t('start.atUnit', { role, unit: session.current.unitName })
    : t('start.actingAs', { role: role.toLowerCase() });

  return (
    <Stack gap="xl" py="md">
      <div>
        <Title order={1}>{t('start.greeting', { name: session.person.givenName })}</Title>
        <Text c="dimmed" data-testid="start-context">
          {subtitle}
        </Text>
      </div>
      {start.data ? (
        <Body data={start.data} />
      ) : start.isPending ? (
        <LoadingState />
      ) : (
        <ErrorState error={start.error} onRetry={() => void start.refetch()} />
      )}
    </Stack>
  );
}
