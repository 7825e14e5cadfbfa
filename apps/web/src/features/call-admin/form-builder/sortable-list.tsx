import type { UniqueIdentifier } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GripIcon } from '../../../components/icons';
import { SortableList as SharedSortableList } from '../../../components/sortable-list';

type HandleProps = Record<string, unknown>;
const HandleContext = createContext<HandleProps>({});

/** The form builder's sortable list: the shared one, read out with the builder's words. */
export function SortableList(props: { ids: string[]; nameOf: (id: UniqueIdentifier) => string; onMove: (id: string, to: number) => void; children: ReactNode }) {
  const { t } = useTranslation('callAdmin');
  return <SharedSortableList {...props} texts={{ announce: (what, values) => t(`builder.dnd.${what}`, values), instructions: t('builder.dnd.instructions') }} />;
}

/** One row of a SortableList; its drag handle is rendered with <DragHandle />. */
export function SortableItem({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  const { t } = useTranslation('callAdmin');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, attributes: { roleDescription: t('builder.dnd.roleDescription') } });
  return (
    <HandleContext.Provider value={{ ...attributes, ...listeners, ref: setActivatorNodeRef }}>
      <li
        ref={setNodeRef}
        className={className}
        style={{ transform: CSS.Transform.toString(transform), transition, zIndex: isDragging ? 2 : undefined, position: 'relative', opacity: isDragging ? 0.85 : 1 }}
      >
        {children}
      </li>
    </HandleContext.Provider>
  );
}

export function DragHandle({ label }: { label: string }) {
  const props = useContext(HandleContext);
  return (
    <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} style={{ cursor: 'grab', touchAction: 'none' }} {...props}>
      <GripIcon />
    </ActionIcon>
  );
}
