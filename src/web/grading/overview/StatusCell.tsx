import { useId, type ReactNode } from 'react';
import { Group, Text, Tooltip } from '@mantine/core';
import classes from './grading.module.css';

/**
 * A status in the group list: symbol and text side by side; hovering or focusing it (it is in the tab order)
 * shows the group's details in a tooltip, which screen readers get as its description.
 */
export function StatusCell({ icon, text, note, details, testId }: {
  icon?: ReactNode;
  text: string;
  note?: string;
  details: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <Tooltip label={details} events={{ hover: true, focus: true, touch: true }} multiline maw={320} withArrow openDelay={150}>
      <span tabIndex={0} className={classes.status} aria-describedby={id} data-testid={testId}>
        <Group gap={6} wrap="nowrap" component="span">
          {icon}
          <span className={classes.count}>{text}</span>
          {note && (
            <Text span size="sm" c="dimmed">
              {note}
            </Text>
          )}
        </Group>
        <span id={id} hidden>
          {details}
        </span>
      </span>
    </Tooltip>
  );
}
