import { Table, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollSidewaysIcon } from './icons';
import './scroll-table.css';

export interface HiddenEdges {
  /** Columns are hidden before the visible ones (scrolled away at the line's start). */
  start: boolean;
  /** Columns are hidden after the visible ones. */
  end: boolean;
}

const NONE: HiddenEdges = { start: false, end: false };

/**
 * Which edges of a box that scrolls sideways hide part of its content. In right-to-left pages the
 * browser counts `scrollLeft` from 0 down to negative values as one scrolls towards the end, so the
 * distance from the start is its absolute value in both directions.
 */
export function hiddenEdges(box: Pick<HTMLElement, 'scrollLeft' | 'scrollWidth' | 'clientWidth'>): HiddenEdges {
  const range = box.scrollWidth - box.clientWidth;
  // Sub-pixel rounding can leave a pixel of "overflow" on a table that fits.
  if (range <= 1) return NONE;
  const offset = Math.abs(box.scrollLeft);
  return { start: offset > 1, end: offset < range - 1 };
}

export interface ScrollTableProps {
  /** What the table holds; its scrolling area is a named region that takes keyboard focus. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /**
   * On a phone (below 48em) each row reads as a card: every cell under its column's name, given as the
   * cell's `data-label` (a cell without one, such as the row's title or its actions, spans the card).
   * For tables whose actions sit in the last columns, which a phone would otherwise put off screen.
   */
  cards?: boolean;
  className?: string;
  /** The `<Table>`. */
  children: ReactNode;
}

/**
 * The staff tables' shell. A table wider than the screen scrolls sideways inside its own box, which
 * keyboard users can focus and scroll; when it does, a line above it says more columns scroll and a
 * shadow marks each edge that hides columns (mirrored in right-to-left pages).
 */
export function ScrollTable({ label, minWidth, cards = false, className, children }: ScrollTableProps) {
  const { t } = useTranslation();
  const cueId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<HiddenEdges>(NONE);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return undefined;
    const measure = () =>
      setEdges((current) => {
        const next = hiddenEdges(box);
        return next.start === current.start && next.end === current.end ? current : next;
      });
    measure();
    // The box changes with the window, the table with its rows and the language.
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    box.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, []);

  const overflowing = edges.start || edges.end;
  return (
    <div
      className={className ? `scroll-table ${className}` : 'scroll-table'}
      data-cards={cards || undefined}
      data-hidden-start={edges.start || undefined}
      data-hidden-end={edges.end || undefined}
    >
      {overflowing ? (
        <Text id={cueId} size="sm" c="dimmed" className="scroll-table-cue">
          <ScrollSidewaysIcon size={16} />
          {t('table.scrollCue')}
        </Text>
      ) : null}
      <div className="scroll-table-frame">
        <Table.ScrollContainer
          ref={boxRef}
          minWidth={minWidth}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={label}
          aria-describedby={overflowing ? cueId : undefined}
          className="scroll-table-box"
        >
          {children}
        </Table.ScrollContainer>
      </div>
    </div>
  );
}
