/** Line icons of the application pages; decorative, so hidden from assistive technology. */
function Svg({ children, size = 16 }: { children: React.ReactNode; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function TrashIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
    </Svg>
  );
}

export function CheckIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M5 12l5 5L20 7" />
    </Svg>
  );
}

export function CloudOffIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M3 3l18 18M8 8a5 5 0 0 0-1 9h10M17.5 17A4 4 0 0 0 16 9.2a6 6 0 0 0-6.5-4" />
    </Svg>
  );
}
