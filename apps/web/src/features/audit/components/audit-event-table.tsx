import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../../components/scroll-table';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { entityPath, shortId } from '../audit-labels';
import type { AuditEvent } from '../queries';
import { useAuditLabels } from '../use-audit-labels';
import { ChangeSummary } from './change-summary';

function EntityCell({ event, onFilterEntity }: { event: AuditEvent; onFilterEntity: (entityType: string, entityId: string) => void }) {
  const { t } = useTranslation('audit');
  const labels = useAuditLabels();
  const path = entityPath(event.entityType, event.entityId);
  const id = event.entityId;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{labels.entityType(event.entityType)}</Text>
      {id ? (
        <>
          {path ? (
            <Anchor component={Link} to={path} size="sm" title={t('entity.fullId', { id })} className="audit-id">
              <bdi>{shortId(id)}</bdi>
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed" title={t('entity.fullId', { id })} className="audit-id">
              <bdi>{shortId(id)}</bdi>
            </Text>
          )}
          <Button variant="subtle" size="compact-xs" onClick={() => onFilterEntity(event.entityType, id)}>
            {t('entity.history')}
          </Button>
        </>
      ) : null}
    </Stack>
  );
}

/** One row per audited action, newest first; on a phone each row reads as a card. */
export function AuditEventTable({ events, onFilterEntity }: { events: readonly AuditEvent[]; onFilterEntity: (entityType: string, entityId: string) => void }) {
  const { t } = useTranslation('audit');
  const { locale } = useLocale();
  const labels = useAuditLabels();

  return (
    <ScrollTable label={t('table.caption')} minWidth={720} cards>
      <Table verticalSpacing="sm" striped>
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.time')}</Table.Th>
            <Table.Th scope="col">{t('table.actor')}</Table.Th>
            <Table.Th scope="col">{t('table.action')}</Table.Th>
            <Table.Th scope="col">{t('table.entity')}</Table.Th>
            <Table.Th scope="col">{t('table.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const label = labels.action(event.action);
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
                <Table.Td data-label={t('table.action')}>
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                    {label !== event.action ? (
                      <Text size="xs" c="dimmed" className="audit-code">
                        <bdi>{event.action}</bdi>
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td data-label={t('table.entity')}>
                  <EntityCell event={event} onFilterEntity={onFilterEntity} />
                </Table.Td>
                <Table.Td data-label={t('table.changes')} className="audit-changes-cell">
                  <ChangeSummary event={event} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
