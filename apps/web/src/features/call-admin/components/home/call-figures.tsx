import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TCallSummary } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../../lib/number-format';
import { useLocale } from '../../../locale/use-locale';

const FIGURES = ['draft', 'submitted', 'pendingScreening', 'eligible', 'ineligible', 'withdrawn', 'shortlisted', 'decided', 'decisionsPublished'] as const;
type Figure = (typeof FIGURES)[number];

/** The applications' list filtered on what a figure counts, where the list can show it. */
const FILTERS: Partial<Record<Figure, string>> = {
  draft: 'status=DRAFT',
  submitted: '',
  pendingScreening: 'status=SUBMITTED',
  eligible: 'status=ELIGIBLE',
  ineligible: 'status=INELIGIBLE',
  withdrawn: 'status=WITHDRAWN',
  shortlisted: 'status=SHORTLISTED',
};

/** The call's applications in figures, each one leading to the list of those applications. */
export function CallFigures({ summary }: { summary: TCallSummary }) {
  const { t } = useTranslation('callHome');
  const { locale } = useLocale();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="figures-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="figures-title">
          {t('figures.heading')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" component="dl" className="call-home-figures">
          {FIGURES.map((figure) => {
            const filter = FILTERS[figure];
            const value = formatNumber(summary.counts[figure], locale);
            const to = filter === undefined ? `/admin/calls/${summary.callId}/decisions` : `/admin/calls/${summary.callId}/applications${filter ? `?${filter}` : ''}`;
            return (
              <div key={figure} className="call-home-figure">
                <Text component="dt" size="sm" c="dimmed">
                  {t(`figures.${figure}`)}
                </Text>
                <Text component="dd" fz="xl" fw={700}>
                  <Link to={to} className="call-home-figure-link" aria-label={t('figures.open', { figure: t(`figures.${figure}`), value })}>
                    {value}
                  </Link>
                </Text>
              </div>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
