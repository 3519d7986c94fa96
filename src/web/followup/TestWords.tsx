import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeTest, type TestContext } from './format';
import type { ReportTest } from './types';

/** A test in words; a clear difference is bold, anything else is plain text (noise is never highlighted). */
export function TestWords({ test, context, testId }: { test: ReportTest | null; context: TestContext; testId?: string }) {
  const { t } = useTranslation();
  const w = describeTest(test, context);
  return (
    <Text component="span" size="sm" fw={w.clear ? 700 : 400} data-testid={testId} data-clear={w.clear}>
      {t(`followup.test.${w.key}`, { q: w.q })}
    </Text>
  );
}
