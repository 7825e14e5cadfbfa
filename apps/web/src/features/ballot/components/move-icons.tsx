/** Vertical arrows: "up" stays up in Arabic too, so these never mirror. */
const paths = {
  up: 'M12 5l-6 6h4v8h4v-8h4z',
  down: 'M12 19l6-6h-4V5h-4v8H6z',
  top: 'M5 4h14v2H5zM12 8l-6 6h4v6h4v-6h4z',
  bottom: 'M5 18h14v2H5zM12 16l6-6h-4V4h-4v6H6z',
} as const;

export function MoveIcon({ move, size = 18 }: { move: keyof typeof paths; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <path d={paths[move]} />
    </svg>
  );
}
