import { Alert, Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { LOCALES, ROUND_TYPES, type TLocalizedText, type TRound, type TRoundType } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../../call-admin/call-display';
import { useCreateRoundMutation } from '../mutations';

interface CreateRoundDialogProps {
  callId: string;
  /** The number the new round will get (after the call's last round). */
  number: number;
  opened: boolean;
  onClose: () => void;
  onCreated: (round: TRound) => void;
}

/** Creating a round: its kind (scoring or final ballot), its name in each language, then a confirmation. */
export function CreateRoundDialog({ callId, number, opened, onClose, onCreated }: CreateRoundDialogProps) {
  const { t } = useTranslation(['rounds', 'common']);
  const create = useCreateRoundMutation(callId);
  const defaultName = (): TLocalizedText => ({
    ar: t('list.defaultName', { number, lng: 'ar' }),
    fr: t('list.defaultName', { number, lng: 'fr' }),
    en: t('list.defaultName', { number, lng: 'en' }),
  });
  const [type, setType] = useState<TRoundType>('SCORING');
  const [name, setName] = useState<TLocalizedText>(defaultName);
  const [nameError, setNameError] = useState<string | null>(null);
  const [shownNumber, setShownNumber] = useState(number);
  // Another round was added meanwhile: the proposed name follows the number.
  if (shownNumber !== number) {
    setShownNumber(number);
    setName(defaultName());
  }
  const close = () => {
    create.reset();
    setNameError(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('create.title')} centered size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (LOCALES.every((lng) => !name[lng].trim())) {
            setNameError(t('settings.errors.name'));
            return;
          }
          create.mutate(
            { name: { ar: name.ar.trim(), fr: name.fr.trim(), en: name.en.trim() }, type },
            {
              onSuccess: (round) => {
                setType('SCORING');
                setName(defaultName());
                onCreated(round);
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <Radio.Group label={t('create.kind')} value={type} onChange={(value) => setType(value as TRoundType)}>
            <Stack gap="sm" mt="xs">
              {ROUND_TYPES.map((kind, index) => (
                <Radio key={kind} value={kind} label={t(`kinds.${kind}`)} description={t(`kindHints.${kind}`)} data-autofocus={index === 0 ? true : undefined} />
              ))}
            </Stack>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {LOCALES.map((lng) => (
              <TextInput
                key={lng}
                label={t('settings.name', { language: t('common:language.nativeName', { lng }) })}
                dir={textDirection(lng)}
                lang={lng}
                value={name[lng]}
                maxLength={200}
                error={lng === 'fr' ? nameError : undefined}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setNameError(null);
                  setName((current) => ({ ...current, [lng]: value }));
                }}
              />
            ))}
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('create.after', { number })}
          </Text>
          {create.isError ? (
            <Alert color="red" variant="light" role="alert">
              {create.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('create.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
