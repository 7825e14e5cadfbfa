import { Anchor, Button, Table, Text } from '@mantine/core';
import type { TAdvance } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { useUndoAdvanceMutation } from '../mutations';
import { advancesQuery } from '../queries';
import { ScrollTable } from '../../../components/scroll-table';
import { UndoModal } from './undo-modal';

/** The shortlists already taken from this round, newest first, each undoable while its round has no submitted scorecard. */
export function AdvancesSection({ roundId }: { roundId: string }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const advances = useQuery(advancesQuery(roundId));
  const [undoing, setUndoing] = useState<TAdvance | null>(null);
  const undo = useUndoAdvanceMutation(roundId);

  if (advances.isPending) return <PageLoader />;
  if (advances.isError) return <LoadError error={advances.error} onRetry={() => void advances.refetch()} />;
  if (advances.data.items.length === 0) return <Text c="dimmed">{t('advances.empty')}</Text>;
  return (
    <>
      <ScrollTable label={t('advances.title')} minWidth={620} cards>
        <Table verticalSpacing="xs" striped>
          <caption className="visually-hidden">{t('advances.title')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('advances.date')}</Table.Th>
              <Table.Th scope="col">{t('advances.by')}</Table.Th>
              <Table.Th scope="col">{t('advances.count')}</Table.Th>
              <Table.Th scope="col">{t('advances.target')}</Table.Th>
              <Table.Th scope="col">{t('advances.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {advances.data.items.map((advance) => (
              <Table.Tr key={advance.id} data-testid="advance-row">
                <Table.Td>{formatDateTime(advance.createdAt, locale)}</Table.Td>
                <Table.Td data-label={t('advances.by')}>{advance.createdBy?.displayName ?? t('advances.unknown')}</Table.Td>
                <Table.Td data-label={t('advances.count')}>{advance.applicationIds.length}</Table.Td>
                <Table.Td data-label={t('advances.target')}>
                  <Anchor component={Link} to={`/admin/rounds/${advance.toRoundId}`}>
                    {t('advance.toRound', { number: advance.toRoundNumber })}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {advance.undoneAt ? (
                    <Text size="sm" c="dimmed">
                      {t('advances.undoneAt', { date: formatDateTime(advance.undoneAt, locale) })}
                    </Text>
                  ) : advance.undoable ? (
                    <Button size="compact-sm" variant="default" color="orange" onClick={() => setUndoing(advance)}>
                      {t('advances.undo')}
                    </Button>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('advances.locked')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <UndoModal
        opened={undoing !== null}
        title={t('advances.undoTitle')}
        body={undoing ? t('advances.undoBody', { count: undoing.applicationIds.length, number: undoing.toRoundNumber }) : ''}
        confirm={t('advances.undo')}
        undo={undo}
        id={undoing?.id ?? null}
        onClose={() => setUndoing(null)}
      />
    </>
  );
}
