import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type HandleProps = Record<string, unknown>;
const HandleContext = createContext<HandleProps>({});

/**
 * A vertical list reordered by mouse, touch or keyboard (focus the handle, Space to pick up, arrows to
 * move, Space to drop, Escape to cancel), with what happens read out in the interface language.
 */
export function SortableList({
  ids,
  nameOf,
  onMove,
  children,
}: {
  ids: string[];
  nameOf: (id: UniqueIdentifier) => string;
  onMove: (id: string, to: number) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('callAdmin');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('builder.dnd.picked', { name: nameOf(active.id), position: position(active.id), total: ids.length }),
    onDragOver: ({ active, over }) => (over ? t('builder.dnd.over', { name: nameOf(active.id), position: position(over.id), total: ids.length }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('builder.dnd.dropped', { name: nameOf(active.id), position: position(over.id), total: ids.length }) : undefined),
    onDragCancel: ({ active }) => t('builder.dnd.cancelled', { name: nameOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(String(active.id), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('builder.dnd.instructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
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
      <svg width={18} height={18} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
        <circle cx="9" cy="6" r="1.6" />
        <circle cx="15" cy="6" r="1.6" />
        <circle cx="9" cy="12" r="1.6" />
        <circle cx="15" cy="12" r="1.6" />
        <circle cx="9" cy="18" r="1.6" />
        <circle cx="15" cy="18" r="1.6" />
      </svg>
    </ActionIcon>
  );
}
