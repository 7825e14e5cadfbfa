import { Stack, Text } from '@mantine/core';
import type { TFollowUpDashboard } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { IndicatorChart } from './indicator-chart';
import { ProjectName } from './projects-matrix';

/**
 * Each project's indicators over time, one fold a project (open for the first ones): a chart and its
 * numbers per indicator, on the programme's report milestones.
 */
export function ProjectIndicators({ dashboard }: { dashboard: TFollowUpDashboard }) {
  const { t } = useTranslation('followUp');
  const axis = dashboard.milestones.filter((milestone) => milestone.reportDue);
  return (
    <Stack gap="sm">
      {dashboard.projects.map((project, index) => (
        <details key={project.applicationId} className="follow-up-project" open={index < 3} data-testid="project-indicators">
          <summary>
            <ProjectName project={project} />
          </summary>
          <Stack gap="lg" pt="sm">
            {dashboard.indicators.map((indicator) => {
              const values = project.indicators.find((candidate) => candidate.key === indicator.key) ?? {
                key: indicator.key,
                points: [],
                value: null,
                target: indicator.target,
                progress: null,
              };
              return <IndicatorChart key={indicator.key} indicator={indicator} milestones={axis} values={values} project={[project.reference, project.title].filter(Boolean).join(' ')} />;
            })}
            {dashboard.indicators.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('indicators.none')}
              </Text>
            ) : null}
          </Stack>
        </details>
      ))}
    </Stack>
  );
}
