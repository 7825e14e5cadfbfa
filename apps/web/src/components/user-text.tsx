import { Text, type TextProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';

/**
 * Text that people typed or that comes from data (an answer, a comment, a title, a name) takes its
 * direction from its own first strong letter, not from the page: a French answer on an Arabic page
 * keeps its full stop at the end and its numbers in order, and the reverse for Arabic on French pages.
 *
 * `UserText` is a block (a paragraph by default); inline, use `<bdi>` (or `UserInline`) so the value
 * is isolated from the translated sentence around it.
 */
export function UserText({
  children,
  keepLines = true,
  ...props
}: TextProps & Omit<ComponentPropsWithoutRef<'p'>, 'color' | 'style'> & { children: ReactNode; keepLines?: boolean }) {
  return (
    <Text dir="auto" {...props} style={keepLines ? { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } : undefined}>
      {children}
    </Text>
  );
}

/** An inline value (a name, a title, a reference) isolated inside a translated sentence. */
export function UserInline({ children, ltr = false }: { children: ReactNode; ltr?: boolean }) {
  return <bdi dir={ltr ? 'ltr' : undefined}>{children}</bdi>;
}

const FSI = '\u2068';
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * For values placed inside a translated string (i18next interpolation, aria-labels, titles) where no
 * element can be used: wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, or LEFT-TO-RIGHT
 * ISOLATE for numbers, phone numbers, references and amounts that always read left to right.
 */
export function isolate(value: string | number, direction: 'auto' | 'ltr' = 'auto'): string {
  return `${direction === 'ltr' ? LRI : FSI}${value}${PDI}`;
}
