import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../../components/scroll-table';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import type { AnnouncedWinner } from '../announcement-view';
import { PresentationBadge } from './presentation-badge';

interface WinnersTableProps {
  winners: readonly AnnouncedWinner[];
  onEdit: (winner: AnnouncedWinner) => void;
}

/** The call's winners, each with where their public presentation stands and a way to write or edit it. */
export function WinnersTable({ winners, onEdit }: WinnersTableProps) {
  const { t } = useTranslation(['decisions', 'common']);
  const { locale } = useLocale();

  return (
    <ScrollTable className="decisions-scroll" label={t('announcement.winners.caption')} minWidth={760} cards>
      <Table striped verticalSpacing="xs">
        <caption className="visually-hidden">{t('announcement.winners.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('announcement.winners.application')}</Table.Th>
            <Table.Th scope="col">{t('announcement.winners.applicant')}</Table.Th>
            <Table.Th scope="col">{t('announcement.winners.presentation')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('announcement.winners.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {winners.map((winner) => {
            const label = winner.reference ?? t('table.noReference');
            const publicTitle = winner.profile ? localized(winner.profile.title, locale) : '';
            return (
              <Table.Tr key={winner.applicationId} data-testid="winner-row">
                <Table.Td miw={170}>
                  <Anchor component={Link} to={`/admin/applications/${winner.applicationId}`} fw={600} dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {label}
                  </Anchor>
                  <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    <bdi>{winner.title || t('table.untitled')}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td miw={170} data-label={t('announcement.winners.applicant')}>
                  <Text size="sm" fw={500}>
                    <bdi>{winner.applicant.displayName}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('table.language', { language: t('common:language.nativeName', { lng: winner.applicant.locale }) })}
                  </Text>
                </Table.Td>
                <Table.Td miw={200} data-label={t('announcement.winners.presentation')}>
                  <Stack gap={4}>
                    <PresentationBadge profile={winner.profile} />
                    {publicTitle ? (
                      <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                        <bdi>{publicTitle}</bdi>
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={winner.profile ? 'default' : 'filled'}
                    onClick={() => onEdit(winner)}
                    aria-label={t(winner.profile ? 'announcement.winners.editFor' : 'announcement.winners.writeFor', { application: label })}
                  >
                    {winner.profile ? t('announcement.winners.edit') : t('announcement.winners.write')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
