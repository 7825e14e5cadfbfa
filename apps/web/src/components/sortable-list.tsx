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
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';

/** What is read out while an item is dragged, in the interface language. */
export type SortAnnouncement = 'picked' | 'over' | 'dropped' | 'cancelled';
export interface SortTexts {
  announce: (what: SortAnnouncement, values: { name: string; position: number; total: number }) => string;
  /** How to move an item by keyboard, read when a handle gets the focus. */
  instructions: string;
}

/**
 * A vertical list reordered by mouse, touch or keyboard (focus the handle, Space to pick up, arrows to
 * move, Space to drop, Escape to cancel), with what happens read out. Rows call `useSortable` (or use
 * a wrapper such as the form builder's SortableItem); `onMove` gets the moved id and its new index.
 */
export function SortableList({
  ids,
  nameOf,
  onMove,
  texts,
  children,
}: {
  ids: string[];
  nameOf: (id: UniqueIdentifier) => string;
  onMove: (id: string, to: number) => void;
  texts: SortTexts;
  children: ReactNode;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const total = ids.length;
  const position = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const say = (what: SortAnnouncement, active: UniqueIdentifier, at: UniqueIdentifier | undefined) => texts.announce(what, { name: nameOf(active), position: position(at), total });
  const announcements: Announcements = {
    onDragStart: ({ active }) => say('picked', active.id, active.id),
    onDragOver: ({ active, over }) => (over ? say('over', active.id, over.id) : undefined),
    onDragEnd: ({ active, over }) => (over ? say('dropped', active.id, over.id) : undefined),
    onDragCancel: ({ active }) => say('cancelled', active.id, active.id),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(String(active.id), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: texts.instructions } }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}
