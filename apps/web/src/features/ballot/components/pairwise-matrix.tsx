import { SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { TBallotResult } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Matrix = 'pairwise' | 'strongest';

/**
 * The pairwise preferences as a table: row beats column when its count is larger than the reverse.
 * A win is written out ("l'emporte"), not only coloured; the strongest paths are one switch away.
 */
export function PairwiseMatrix({ result }: { result: TBallotResult }) {
  const { t } = useTranslation('ballot');
  const [matrix, setMatrix] = useState<Matrix>('pairwise');
  const values = result[matrix];
  const label = (i: number) => result.candidates[i]?.reference ?? String(i + 1);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('staff.matrixView')}
        value={matrix}
        onChange={(value) => setMatrix(value as Matrix)}
        data={[
          { value: 'pairwise', label: t('staff.matrixPairwise') },
          { value: 'strongest', label: t('staff.matrixStrongest') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Text size="sm" c="dimmed" id="ballot-matrix-caption">
        {matrix === 'pairwise' ? t('staff.matrixCaption') : t('staff.strongestCaption')}
      </Text>
      {/* Wider than a phone: the keyboard can scroll it too. */}
      <div className="ballot-matrix-wrap" tabIndex={0} role="region" aria-label={matrix === 'pairwise' ? t('staff.matrixPairwise') : t('staff.matrixStrongest')}>
        <Table className="ballot-matrix" withTableBorder withColumnBorders striped={false} aria-describedby="ballot-matrix-caption">
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              {result.candidates.map((candidate, j) => (
                <Table.Th key={candidate.applicationId} scope="col" title={candidate.title ?? undefined}>
                  {label(j)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.candidates.map((candidate, i) => (
              <Table.Tr key={candidate.applicationId}>
                <Table.Th scope="row" title={candidate.title ?? undefined}>
                  {label(i)}
                </Table.Th>
                {result.candidates.map((other, j) => {
                  if (i === j) return <Table.Td key={other.applicationId} data-self aria-label="—">—</Table.Td>;
                  const count = values[i]?.[j] ?? 0;
                  const beats = count > (values[j]?.[i] ?? 0);
                  return (
                    <Table.Td key={other.applicationId} data-beats={beats || undefined}>
                      {count}
                      {beats ? <span className="ballot-beats">{t('staff.beats')}</span> : null}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
