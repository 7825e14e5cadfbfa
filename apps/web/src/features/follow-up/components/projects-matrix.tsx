import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { TFollowUpProject, TProgrammeMilestone } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../../components/scroll-table';
import { formatDate } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { milestoneTitle } from '../follow-up-display';
import { MilestoneStateBadge } from './milestone-state-badge';

/** A project's reference and name, as the tables show it. */
export function ProjectName({ project }: { project: Pick<TFollowUpProject, 'reference' | 'title'> }) {
  const { t } = useTranslation('followUp');
  return (
    <>
      <Text component="span" fw={600} size="sm" dir="ltr" style={{ whiteSpace: 'nowrap' }}>
        {project.reference ?? t('project.noReference')}
      </Text>{' '}
      <Text component="span" size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
        {project.title || t('project.untitled')}
      </Text>
    </>
  );
}

/** Every supported project against every milestone: where each stands, with a link to each report sent. */
export function ProjectsMatrix({ projects, milestones }: { projects: readonly TFollowUpProject[]; milestones: readonly TProgrammeMilestone[] }) {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  return (
    <ScrollTable label={t('matrix.caption')} minWidth={220 + 170 * milestones.length}>
      <Table striped verticalSpacing="xs" data-testid="projects-matrix">
        <caption className="visually-hidden">{t('matrix.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('matrix.project')}</Table.Th>
            {milestones.map((milestone) => (
              <Table.Th scope="col" key={milestone.key}>
                <Stack gap={0}>
                  <bdi>{milestoneTitle(milestone, locale)}</bdi>
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('matrix.due', { date: formatDate(milestone.dueAt, locale) })}
                  </Text>
                </Stack>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((project) => (
            <Table.Tr key={project.applicationId}>
              <Table.Th scope="row" miw={200} fw={400}>
                <ProjectName project={project} />
              </Table.Th>
              {milestones.map((milestone) => {
                const cell = project.milestones.find((candidate) => candidate.key === milestone.key);
                if (!cell) return <Table.Td key={milestone.key}>—</Table.Td>;
                const badge = <MilestoneStateBadge state={cell.state} late={cell.late} />;
                return (
                  <Table.Td key={milestone.key}>
                    {cell.status === null ? (
                      badge
                    ) : (
                      <Anchor
                        component={Link}
                        to={`/admin/applications/${project.applicationId}/reports/${encodeURIComponent(milestone.key)}`}
                        aria-label={t('matrix.openReport', { project: project.reference ?? project.title ?? '', milestone: milestoneTitle(milestone, locale), state: t(`state.${cell.state}`) })}
                        underline="never"
                      >
                        {badge}
                      </Anchor>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
