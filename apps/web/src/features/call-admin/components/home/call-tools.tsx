import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TCallStaff, TCallSummary } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAnnounceable } from '@tahkim/contracts';

type Tool = 'form' | 'settings' | 'applications' | 'rounds' | 'ranking' | 'decisions' | 'emails' | 'audit' | 'publicPage';

/** Every tool of the call, one link each, with what it is for. */
export function CallTools({ call, summary }: { call: TCallStaff; summary: TCallSummary }) {
  const { t } = useTranslation(['callHome', 'decisions', 'programme']);
  // The results of the latest round that has started.
  const started = summary.rounds.filter((round) => round.status !== 'DRAFT').at(-1);
  const tools: Array<{ key: Tool | 'announcement' | 'programme' | 'followUp'; to: string }> = [
    { key: 'form', to: `/admin/calls/${call.id}/form` },
    { key: 'settings', to: `/admin/calls/${call.id}/settings` },
    { key: 'applications', to: `/admin/calls/${call.id}/applications` },
    { key: 'rounds', to: `/admin/calls/${call.id}/rounds` },
    ...(started ? [{ key: 'ranking' as const, to: `/admin/rounds/${started.id}/${started.type === 'BALLOT' ? 'ballot' : 'ranking'}` }] : []),
    { key: 'decisions', to: `/admin/calls/${call.id}/decisions` },
    // The winners exist once the decisions are published: their announcement comes after.
    ...(isAnnounceable(call.status) ? [{ key: 'announcement' as const, to: `/admin/calls/${call.id}/announcement` }] : []),
    // Then they are followed for a year: the milestones and impact indicators of their support programme.
    ...(isAnnounceable(call.status) ? [{ key: 'programme' as const, to: `/admin/calls/${call.id}/programme` }] : []),
    ...(isAnnounceable(call.status) ? [{ key: 'followUp' as const, to: `/admin/calls/${call.id}/follow-up` }] : []),
    { key: 'emails', to: '/admin/emails' },
    { key: 'audit', to: `/admin/audit?entityType=Call&entityId=${call.id}` },
    ...(call.status === 'DRAFT' ? [] : [{ key: 'publicPage' as const, to: `/calls/${call.slug}` }]),
  ];
  // The tools that came after the decision keep their words in their own namespaces.
  const toolText = (key: (typeof tools)[number]['key']) => {
    const prefix = key === 'announcement' ? 'decisions:announcement.tool' : key === 'programme' ? 'programme:tool' : key === 'followUp' ? 'programme:followUpTool' : `tools.${key}`;
    return { label: t(`${prefix}.label` as 'tools.form.label'), hint: t(`${prefix}.hint` as 'tools.form.hint') };
  };
  return (
    <Card withBorder radius="md" padding="lg" component="nav" aria-labelledby="tools-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="tools-title">
          {t('tools.heading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" component="ul" className="plain-list">
          {tools.map((tool) => (
            <li key={tool.key}>
              <Anchor component={Link} to={tool.to} fw={600} c="tahkim.8">
                {toolText(tool.key).label}
              </Anchor>
              <Text size="sm" c="dimmed">
                {toolText(tool.key).hint}
              </Text>
            </li>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
