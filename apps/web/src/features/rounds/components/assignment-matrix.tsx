import { Card, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { TRoundAssignments } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { cellKey, cellState, countSelection, type AssignmentIndex, type CellKey } from '../assignment-state';
import { ScrollTable } from '../../../components/scroll-table';

type Props = {
  data: TRoundAssignments;
  applications: TRoundAssignments['applications'];
  index: AssignmentIndex;
  selected: ReadonlySet<CellKey>;
  onToggle: (key: CellKey) => void;
  required: number;
};

export function applicationLabel(application: { reference: string | null; title: string | null }, fallback: string): string {
  return application.reference ?? application.title ?? fallback;
}

const MARKS = { conflict: '⛔', locked: '🔒', suggested: '⚠️' } as const;

/** The mark of a cell that cannot be changed (or needs a confirmation), with its reason on hover and for screen readers. */
function CellMark({ state, reason }: { state: keyof typeof MARKS; reason?: string | null }) {
  const { t } = useTranslation('rounds');
  // The organisation is isolated (U+2068…U+2069) so a French name reads whole in an Arabic sentence.
  const label = t(`assignment.cell.${state}`, { reason: reason ? `\u2068${reason}\u2069` : '—' });
  return (
    <Tooltip label={label} withArrow multiline maw={320}>
      <span role="img" aria-label={label} tabIndex={0}>
        {MARKS[state]}
      </span>
    </Tooltip>
  );
}

/** ⛔ / 🔒 for a cell that cannot change, ⚠️ for a pending suggested conflict. */
function Marks({ index, cell, state }: { index: AssignmentIndex; cell: CellKey; state: ReturnType<typeof cellState> }) {
  if (state === 'conflict' || state === 'locked') return <CellMark state={state} />;
  return index.suggestions.has(cell) ? <CellMark state="suggested" reason={index.suggestions.get(cell)} /> : null;
}

/** Jurors across, applications down: one checkbox per pair. */
export function AssignmentMatrix({ data, applications, index, selected, onToggle, required }: Props) {
  const { t } = useTranslation('rounds');
  const { perJuror, perApplication } = countSelection(selected);
  return (
    <ScrollTable label={t('assignment.matrixCaption')} minWidth={Math.max(480, 200 + data.jurors.length * 96)}>
      <Table withColumnBorders verticalSpacing={4} highlightOnHover stickyHeader>
        <caption className="visually-hidden">{t('assignment.matrixCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assignment.application')}</Table.Th>
            {data.jurors.map((juror) => (
              <Table.Th key={juror.id} scope="col" ta="center">
                <Stack gap={0} align="center">
                  <Text size="xs" fw={600}>
                    <bdi>{juror.displayName}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('assignment.load', { count: perJuror.get(juror.id) ?? 0 })}
                  </Text>
                </Stack>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((application) => {
            const label = applicationLabel(application, t('assignment.unnumbered'));
            const count = perApplication.get(application.id) ?? 0;
            return (
              <Table.Tr key={application.id}>
                <Table.Th scope="row">
                  <Stack gap={0}>
                    <Text size="sm" fw={600} dir="auto">
                      {label}
                    </Text>
                    <Text size="xs" c={count < required ? 'orange' : 'dimmed'}>
                      {t('assignment.coverage', { count, required })}
                    </Text>
                  </Stack>
                </Table.Th>
                {data.jurors.map((juror) => {
                  const key = cellKey(juror.id, application.id);
                  const state = cellState(index, selected, key);
                  return (
                    <Table.Td key={juror.id} ta="center">
                      <Group gap={4} justify="center" wrap="nowrap">
                        <input
                          type="checkbox"
                          checked={state === 'assigned' || state === 'locked'}
                          disabled={state === 'conflict' || state === 'locked'}
                          onChange={() => onToggle(key)}
                          aria-label={t('assignment.cell.toggle', { juror: juror.displayName, application: label })}
                          style={{ inlineSize: 18, blockSize: 18 }}
                        />
                        <Marks index={index} cell={key} state={state} />
                      </Group>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The same choices as the matrix, one card per application: readable on a phone. */
export function AssignmentList({ data, applications, index, selected, onToggle, required }: Props) {
  const { t } = useTranslation('rounds');
  const { perApplication } = countSelection(selected);
  return (
    <Stack gap="sm">
      {applications.map((application) => {
        const label = applicationLabel(application, t('assignment.unnumbered'));
        const count = perApplication.get(application.id) ?? 0;
        return (
          <Card key={application.id} withBorder radius="md" padding="sm" component="fieldset">
            <Text component="legend" fw={600} dir="auto">
              {label}
            </Text>
            <Text size="xs" c={count < required ? 'orange' : 'dimmed'} mb="xs">
              {t('assignment.coverage', { count, required })}
            </Text>
            <Stack gap={6}>
              {data.jurors.map((juror) => {
                const key = cellKey(juror.id, application.id);
                const state = cellState(index, selected, key);
                return (
                  <Group key={juror.id} gap="xs" wrap="nowrap">
                    <Checkbox
                      label={juror.displayName}
                      checked={state === 'assigned' || state === 'locked'}
                      disabled={state === 'conflict' || state === 'locked'}
                      onChange={() => onToggle(key)}
                    />
                    <Marks index={index} cell={key} state={state} />
                  </Group>
                );
              })}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
