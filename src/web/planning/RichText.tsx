import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './planning.module.css';

/** Rich text as the server sent it: sanitised there on write and again on read (domain/planning/rich-text);
 *  the browser renders only that output, never what a user typed. */
export function RichText({ html, testId }: { html: string; testId?: string }) {
  const { t } = useTranslation();
  if (!html) return <Text c="dimmed" size="sm">{t('planning.nothingWritten')}</Text>;
  return <div className={classes.richText} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
