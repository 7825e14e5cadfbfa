import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { TAuditReference } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../../components/scroll-table';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { entityPath, isKnownAction } from '../audit-labels';
import type { AuditEvent } from '../queries';
import { useAuditDescriber, useAuditLabels } from '../use-audit-labels';
import { ChangeSummary } from './change-summary';

interface AuditEventTableProps {
  events: readonly AuditEvent[];
  /** What the page's ids point to (from the API), by id. */
  references: Readonly<Record<string, TAuditReference>>;
  onFilterEntity: (entityType: string, entityId: string) => void;
}

/** One row per audited action, newest first, each read as a sentence; on a phone each row reads as a card. */
export function AuditEventTable({ events, references, onFilterEntity }: AuditEventTableProps) {
  const { t } = useTranslation('audit');
  const { locale } = useLocale();
  const labels = useAuditLabels();
  const describer = useAuditDescriber(references);

  return (
    <ScrollTable label={t('table.caption')} minWidth={760} cards>
      <Table verticalSpacing="sm" striped>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.time')}</Table.Th>
            <Table.Th scope="col">{t('table.actor')}</Table.Th>
            <Table.Th scope="col">{t('table.action')}</Table.Th>
            <Table.Th scope="col">{t('table.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const described = describer.describe(event);
            const path = entityPath(event.entityType, event.entityId);
            const entityId = event.entityId;
            return (
              <Table.Tr key={event.id} data-testid="audit-row">
                <Table.Td data-label={t('table.time')}>
                  <Text size="sm" component="time" dateTime={event.at}>
                    {formatDateTime(event.at, locale)}
                  </Text>
                </Table.Td>
                <Table.Td data-label={t('table.actor')}>
                  {event.actor ? (
                    <Stack gap={0}>
                      <Text size="sm" fw={600}>
                        <bdi>{event.actor.displayName}</bdi>
                      </Text>
                      <Text size="xs" c="dimmed" className="audit-email">
                        <bdi>{event.actor.email}</bdi>
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="sm" fs="italic" title={t('systemHint')}>
                      {t('system')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td data-label={t('table.action')} className="audit-entry-cell">
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" data-testid="audit-sentence">
                      {described.sentence}
                    </Text>
                    <Group gap="xs" wrap="wrap">
                      {isKnownAction(event.action) ? (
                        <Text size="xs" c="dimmed">
                          {labels.action(event.action)}
                        </Text>
                      ) : null}
                      {path && described.target ? (
                        <Anchor component={Link} to={path} size="xs" aria-label={t('entity.open', { target: described.target })}>
                          {t('entity.openShort')}
                        </Anchor>
                      ) : null}
                      {entityId ? (
                        <Button variant="subtle" size="compact-xs" onClick={() => onFilterEntity(event.entityType, entityId)} aria-label={described.target ? t('entity.historyOf', { target: described.target }) : undefined}>
                          {t('entity.history')}
                        </Button>
                      ) : null}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td data-label={t('table.changes')} className="audit-changes-cell">
                  <ChangeSummary event={event} details={described.details} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
