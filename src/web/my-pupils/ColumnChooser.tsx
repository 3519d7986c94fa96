import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { columnSet, MY_PUPIL_COLUMNS } from '../../domain/pupils/my-pupils';
import { columnLabel } from './cells';
import type { MyPupilColumn } from './types';

/** "Kolumner": which columns the list shows (remembered for the user by the caller). */
export function ColumnChooser({ shown, onChange }: { shown: MyPupilColumn[]; onChange: (columns: MyPupilColumn[]) => void }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-start" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" data-testid="my-pupils-columns">{t('myPupils.columns.button')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group label={t('myPupils.columns.legend')} value={shown} onChange={(v) => onChange(columnSet(v))}>
          <Stack gap="xs" mt="xs">
            {MY_PUPIL_COLUMNS.map((c) => (
              <Checkbox key={c} value={c} label={columnLabel(t, c)} data-testid={`my-pupils-column-${c}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
