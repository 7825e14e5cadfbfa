/**
 * The drawing of one indicator over a programme's report milestones: one slot a milestone, evenly spaced
 * along the time axis, each with the project's running figure there (null: nothing accepted yet), and the
 * target as a horizontal line. Coordinates are SVG user units; in right-to-left pages time runs from the
 * right, as Arabic readers expect, so the x axis is mirrored here (the labels stay unmirrored).
 */
export interface ChartBox {
  width: number;
  height: number;
  /** Room kept around the plot (for the dots and the labels). */
  padding: { top: number; bottom: number; start: number; end: number };
}

export interface ChartDot {
  index: number;
  x: number;
  y: number;
  value: number;
}

export interface ChartGeometry {
  /** The highest value the y axis reaches (0 is always its bottom). */
  max: number;
  dots: ChartDot[];
  /** The line through consecutive dots ("M x y L x y …"); a slot without a value breaks it. */
  path: string;
  /** Where the target line runs, or null without a target. */
  targetY: number | null;
  /** Each slot's x, for the milestone ticks. */
  slots: number[];
  /** The plot's edges along x, in drawing order (start side first). */
  axis: { x1: number; x2: number; y: number };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Above the largest of the values and the target, so neither touches the top edge; 1 when all are 0. */
export function chartMax(values: ReadonlyArray<number | null>, target: number | null): number {
  const highest = Math.max(0, target ?? 0, ...values.map((value) => value ?? 0));
  return highest === 0 ? 1 : highest * 1.1;
}

export function chartGeometry(values: ReadonlyArray<number | null>, target: number | null, box: ChartBox, rtl = false): ChartGeometry {
  const { width, height, padding } = box;
  const plotWidth = width - padding.start - padding.end;
  const bottom = height - padding.bottom;
  const plotHeight = bottom - padding.top;
  const max = chartMax(values, target);
  // A single slot sits in the middle of the axis.
  const along = (index: number) => (values.length <= 1 ? plotWidth / 2 : (plotWidth * index) / (values.length - 1));
  const x = (index: number) => round(rtl ? width - padding.start - along(index) : padding.start + along(index));
  // Negative values (a loss) are drawn on the axis rather than below the box.
  const y = (value: number) => round(bottom - (plotHeight * Math.max(0, value)) / max);

  const dots: ChartDot[] = values.flatMap((value, index) => (value === null ? [] : [{ index, x: x(index), y: y(value), value }]));
  let path = '';
  let previous = -2;
  for (const dot of dots) {
    path += `${dot.index === previous + 1 ? ' L' : `${path ? ' ' : ''}M`} ${dot.x} ${dot.y}`;
    previous = dot.index;
  }
  const start = padding.start;
  const end = width - padding.end;
  return {
    max,
    dots,
    path,
    targetY: target === null ? null : y(target),
    slots: values.map((_, index) => x(index)),
    axis: { x1: rtl ? end : start, x2: rtl ? start : end, y: bottom },
  };
}
