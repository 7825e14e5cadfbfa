import { ActionIcon, Button, Group } from '@mantine/core';

function Arrow({ up }: { up: boolean }) {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" focusable="false">
      <path d={up ? 'M12 19V5M5 12l7-7 7 7' : 'M12 5v14M5 12l7 7 7-7'} />
    </svg>
  );
}

interface ItemActionsProps {
  index: number;
  count: number;
  /** The buttons' names, which say which item they act on ("Move milestone 2 up"). */
  labels: { up: string; down: string; remove: string; removeShort: string };
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** Move up, move down and remove: the actions of one item of an ordered list, reachable without a mouse. */
export function ItemActions({ index, count, labels, onMove, onRemove }: ItemActionsProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="default" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={labels.up}>
        <Arrow up />
      </ActionIcon>
      <ActionIcon variant="default" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={labels.down}>
        <Arrow up={false} />
      </ActionIcon>
      <Button variant="subtle" color="red" size="xs" onClick={onRemove} aria-label={labels.remove}>
        {labels.removeShort}
      </Button>
    </Group>
  );
}
