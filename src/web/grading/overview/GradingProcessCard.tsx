import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/states';
import { useCurrentSession } from '../../session/useSession';
import { PeriodInfo } from './PeriodInfo';
import { ProgressIcon } from './ProgressIcon';
import { gradingGroupPath, progressOf, stillToGrade, type GradingOverview } from './types';
import { useGradingOverview } from './useGradingOverview';

function CardBody({ data }: { data: GradingOverview }) {
  const { t } = useTranslation();
  const todo = data.groups.filter(stillToGrade);
  return (
    <Stack gap="sm">
      <PeriodInfo term={data.term} period={data.period} />
      {data.groups.length === 0 ? (
        <Text c="dimmed">{t('gradingOverview.card.noGroups')}</Text>
      ) : todo.length === 0 ? (
        <Group gap={6} data-testid="grading-all-done">
          <ProgressIcon progress="done" />
          <Text fw={600}>{t('gradingOverview.card.allDone')}</Text>
        </Group>
      ) : (
        <div>
          <Title order={3} size="h5" id="grading-todo-title" mb={4}>
            {t('gradingOverview.card.toGrade')}
          </Title>
          <List listStyleType="none" spacing={4} aria-labelledby="grading-todo-title" data-testid="grading-todo">
            {todo.map((g) => (
              <List.Item key={g.id}>
                <Group gap={8} wrap="nowrap">
                  <ProgressIcon progress={progressOf(g.graded, g.expected)} />
                  <Anchor component={Link} to={gradingGroupPath(g.id)} fw={600}>
                    {g.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {g.subject.name} · {t('gradingOverview.card.graded', { graded: g.graded, expected: g.expected })}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <Anchor component={Link} to="/betyg" size="sm">
        {t('gradingOverview.card.allGroups')}
      </Anchor>
    </Stack>
  );
}

/** The teacher's start page card "Betygsprocess": period, days left and the groups still to grade. */
export function GradingProcessCard() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const allowed = session.allowedActions.includes('grades.register');
  const overview = useGradingOverview(session.current, allowed);
  if (!allowed) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="grading-process-title" data-testid="grading-process">
      <Title order={2} size="h3" id="grading-process-title" mb="xs">
        {t('gradingOverview.card.title')}
      </Title>
      {overview.data ? (
        <CardBody data={overview.data} />
      ) : overview.isPending ? (
        <LoadingState />
      ) : (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      )}
    </Paper>
  );
}
