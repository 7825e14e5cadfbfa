import { Stack, Text } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../components/user-text';
import type { ProgrammeFormValues } from '../programme-form-values';
import type { ProgrammeItemPath } from './programme-item';

/**
 * An item's reference, in small print: progress reports refer to it, so it never changes once saved (a new
 * item gets it from its title when first saved). An error the API finds in it is said here, as no input holds it.
 */
export function ItemKey({ item }: { item: ProgrammeItemPath }) {
  const { t } = useTranslation('programme');
  const { control, formState, getFieldState } = useFormContext<ProgrammeFormValues>();
  const key = useWatch({ control, name: `${item}.key` });
  const error = getFieldState(`${item}.key`, formState).error?.message;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" data-testid="item-key">
        {key ? t('key.saved', { key: isolate(key) }) : t('key.new')}
      </Text>
      {error ? (
        <Text size="xs" c="red" role="alert">
          {t('key.error', { message: error })}
        </Text>
      ) : null}
    </Stack>
  );
}
