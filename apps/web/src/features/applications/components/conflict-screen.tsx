import { Alert, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { allFields, type TAnswers, type TFormDefinition } from '@tahkim/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { formatCallDateTime } from '../../calls/deadline';
import { useLocale } from '../../locale/use-locale';
import { differingKeys } from '../answers';
import { chooseAll, defaultChoices, mergeConflict, type ConflictChoice } from '../conflict';
import { AnswerValue } from './answer-value';

interface ConflictScreenProps {
  form: TFormDefinition;
  mine: TAnswers;
  /** The saved answers this page started from, when known. */
  base?: TAnswers;
  /** What is saved now: its answers, and when it was saved when known. */
  current: { answers: TAnswers; updatedAt?: string };
  saving: boolean;
  onResolve: (answers: TAnswers) => void;
  /** The heading and the explanation, when what changed elsewhere is not an application (a progress report). */
  texts?: { heading: string; intro: string };
}

/**
 * The draft was saved elsewhere (another tab, another device) since this page loaded: both versions,
 * field by field, differences only, and the person chooses. Nothing is overwritten before they do.
 */
export function ConflictScreen({ form, mine, base, current, saving, onResolve, texts }: ConflictScreenProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const fields = useMemo(() => new Map(allFields(form).map((field) => [field.key, field])), [form]);
  const differing = useMemo(() => differingKeys(form, mine, current.answers), [form, mine, current.answers]);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>(() => defaultChoices(differing, mine, base));

  const keep = (next: Record<string, ConflictChoice>) => onResolve(mergeConflict(mine, current.answers, differing, next));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="conflict-heading" className="conflict-screen">
      <Stack gap="md">
        <Title order={2} fz="xl" id="conflict-heading">
          {texts?.heading ?? t('conflict.heading')}
        </Title>
        <Alert color="orange" variant="light">
          {texts?.intro ?? t('conflict.intro', { time: current.updatedAt ? formatCallDateTime(current.updatedAt, locale) : '' })}
        </Alert>
        {differing.length === 0 ? <Text>{t('conflict.noDifference')}</Text> : null}
        <Stack gap="lg" component="ol" className="plain-list">
          {differing.map((key) => {
            const field = fields.get(key)!;
            const label = localized(field.label, locale);
            return (
              <li key={key}>
                <Radio.Group
                  label={label}
                  value={choices[key] ?? 'mine'}
                  onChange={(value) => setChoices((previous) => ({ ...previous, [key]: value as ConflictChoice }))}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
                    <Card withBorder padding="sm" radius="md" className="conflict-option" data-chosen={(choices[key] ?? 'mine') === 'mine' || undefined}>
                      <Stack gap={6}>
                        <Radio value="mine" label={t('conflict.mine')} />
                        <AnswerValue field={field} value={mine[key]} />
                      </Stack>
                    </Card>
                    <Card withBorder padding="sm" radius="md" className="conflict-option" data-chosen={choices[key] === 'saved' || undefined}>
                      <Stack gap={6}>
                        <Radio value="saved" label={t('conflict.saved')} />
                        <AnswerValue field={field} value={current.answers[key]} />
                      </Stack>
                    </Card>
                  </SimpleGrid>
                </Radio.Group>
              </li>
            );
          })}
        </Stack>
        <Group gap="sm" className="conflict-actions">
          <Button onClick={() => keep(choices)} loading={saving}>
            {t('conflict.keepChoices')}
          </Button>
          <Button variant="default" onClick={() => keep(chooseAll(differing, 'mine'))} disabled={saving}>
            {t('conflict.keepAllMine')}
          </Button>
          <Button variant="default" onClick={() => keep(chooseAll(differing, 'saved'))} disabled={saving}>
            {t('conflict.keepAllSaved')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
