import { ActionIcon, Badge, Button, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { TLocale } from '@tahkim/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../call-display';
import type { BuilderField, BuilderSection } from './builder-state';
import { DragHandle } from './sortable-list';

interface RowActions {
  name: string;
  index: number;
  count: number;
  hidden: boolean;
  deletable: boolean;
  onMove: (to: number) => void;
  onEdit: () => void;
  onToggleHidden: () => void;
  onDelete: () => void;
}

function Arrow({ up }: { up: boolean }) {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" focusable="false">
      <path d={up ? 'M12 19V5M5 12l7-7 7 7' : 'M12 5v14M5 12l7 7 7-7'} />
    </svg>
  );
}

/** Move up/down, edit, hide and delete: every action of a row, reachable without a mouse. */
function RowButtons({ kind, actions }: { kind: 'section' | 'field'; actions: RowActions }) {
  const { t } = useTranslation('callAdmin');
  const { name, index, count } = actions;
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => actions.onMove(index - 1)} aria-label={t(`builder.${kind}.moveUp`, { name })}>
        <Arrow up />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" disabled={index === count - 1} onClick={() => actions.onMove(index + 1)} aria-label={t(`builder.${kind}.moveDown`, { name })}>
        <Arrow up={false} />
      </ActionIcon>
      <Button size="compact-sm" variant="default" onClick={actions.onEdit} aria-label={t(`builder.${kind}.editNamed`, { name })}>
        {t('builder.edit')}
      </Button>
      <Button size="compact-sm" variant="subtle" onClick={actions.onToggleHidden} aria-label={t(actions.hidden ? `builder.${kind}.showNamed` : `builder.${kind}.hideNamed`, { name })}>
        {t(actions.hidden ? 'builder.show' : 'builder.hide')}
      </Button>
      {actions.deletable ? (
        <Button size="compact-sm" variant="subtle" color="red" onClick={actions.onDelete} aria-label={t(`builder.${kind}.deleteNamed`, { name })}>
          {t('builder.delete')}
        </Button>
      ) : (
        <Tooltip label={t('builder.lockedDelete')} multiline w={260}>
          <Text size="xs" c="dimmed" tabIndex={0}>
            {t('builder.notDeletable')}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}

export function FieldRow({ field, locale, actions }: { field: BuilderField; locale: TLocale; actions: RowActions }) {
  const { t } = useTranslation('callAdmin');
  return (
    <Card withBorder radius="sm" padding="xs" bg={field.hidden ? 'gray.0' : undefined}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minInlineSize: 0, flex: '1 1 16rem' }}>
          <DragHandle label={t('builder.field.drag', { name: actions.name })} />
          <Stack gap={2} style={{ minInlineSize: 0 }}>
            <Text fw={500} td={field.hidden ? 'line-through' : undefined} truncate>
              {localized(field.label, locale) || field.key}
            </Text>
            <Group gap={4}>
              <Badge size="xs" variant="light" color="gray">
                {t(`fieldTypes.${field.type}`)}
              </Badge>
              {field.required ? (
                <Badge size="xs" variant="light" color="blue">
                  {t('builder.badges.required')}
                </Badge>
              ) : null}
              {field.identifying ? (
                <Badge size="xs" variant="light" color="grape">
                  {t('builder.badges.identifying')}
                </Badge>
              ) : null}
              {field.hidden ? (
                <Badge size="xs" variant="outline" color="gray">
                  {t('builder.badges.hidden')}
                </Badge>
              ) : null}
              {!field.persisted ? (
                <Badge size="xs" variant="outline" color="tahkim">
                  {t('builder.badges.new')}
                </Badge>
              ) : null}
              <Text size="xs" c="dimmed" dir="ltr">
                {field.key}
              </Text>
            </Group>
          </Stack>
        </Group>
        <RowButtons kind="field" actions={actions} />
      </Group>
    </Card>
  );
}

export function SectionCard({ section, locale, actions, children }: { section: BuilderSection; locale: TLocale; actions: RowActions; children: ReactNode }) {
  const { t } = useTranslation('callAdmin');
  return (
    <Card withBorder radius="md" padding="md" bg={section.hidden ? 'gray.0' : undefined} component="section" aria-label={actions.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minInlineSize: 0, flex: '1 1 16rem' }}>
            <DragHandle label={t('builder.section.drag', { name: actions.name })} />
            <Stack gap={0} style={{ minInlineSize: 0 }}>
              <Text size="xs" c="dimmed">
                {t('builder.section.stepNumber', { number: actions.index + 1 })}
              </Text>
              <Text fw={700} fz="lg" td={section.hidden ? 'line-through' : undefined}>
                {localized(section.title, locale) || section.key}
              </Text>
            </Stack>
            {section.hidden ? (
              <Badge size="sm" variant="outline" color="gray">
                {t('builder.badges.hidden')}
              </Badge>
            ) : null}
          </Group>
          <RowButtons kind="section" actions={actions} />
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
