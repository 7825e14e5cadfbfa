import { createTheme, mergeThemeOverrides, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';

/** A deep green; shade 7, the filled one, keeps white text above 6:1 contrast. */
const tahkim: MantineColorsTuple = [
  '#e7f5ef',
  '#cfe9de',
  '#a0d3bd',
  '#6dbc9a',
  '#45a87d',
  '#2c9b6b',
  '#1b8a5c',
  '#0b6e4f',
  '#075b41',
  '#034833',
];

/** Arabic first for Arabic glyphs; the system's own face for Latin text. */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans Arabic", "Noto Sans Arabic UI", "Noto Naskh Arabic", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'tahkim',
  primaryShade: 7,
  colors: { tahkim },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  // Plain objects rather than `Component.extend(...)`, which would import every component named here
  // into the first download of every page.
  components: {
    // What people type takes its own direction: dir="auto" on the <input>/<textarea> itself (Mantine's
    // `dir` prop lands on the wrapper), so French typed on an Arabic page keeps its full stop at the end.
    TextInput: { defaultProps: { attributes: { input: { dir: 'auto' } } } },
    Textarea: { defaultProps: { attributes: { input: { dir: 'auto' } } } },
    // A table wider than the screen scrolls: its scrolling area takes keyboard focus, so it can be
    // scrolled without a mouse (tables with type="native" say tabIndex={0} themselves).
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
});

const COLOR_NAMES = ['dark', 'gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange', 'tahkim'];

/**
 * Coloured text at 4.5:1 or more: Mantine's light badges, subtle buttons and coloured text use shades
 * 6 to 8, which fall to 3.6:1 (orange) or 3.8:1 (green) on their pale backgrounds at 11 px. They take
 * shade 9 darkened by a quarter instead (6:1 and more on white and on the pale tints). Filled buttons
 * of those colours (a red "withdraw", an orange "close now") take shade 9 darkened too, so their white
 * text reads at 4.5:1 or more.
 */
const readableColours = Object.fromEntries(
  COLOR_NAMES.flatMap((name) => {
    const readable = `color-mix(in srgb, var(--mantine-color-${name}-9) 75%, black)`;
    const colours: Array<[string, string]> = [
      [`--mantine-color-${name}-light-color`, readable],
      [`--mantine-color-${name}-text`, readable],
      [`--mantine-color-${name}-outline`, readable],
    ];
    // Filled buttons carry white text: red and orange at shade 7 give 3.7:1 and 3:1.
    if (name !== 'tahkim') {
      colours.push(
        [`--mantine-color-${name}-filled`, `color-mix(in srgb, var(--mantine-color-${name}-9) 85%, black)`],
        [`--mantine-color-${name}-filled-hover`, readable],
      );
    }
    return colours;
  }),
);

/** Mantine's default "dimmed" grey and error red are below 4.5:1 on white: use darker ones. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#6b7178',
    '--mantine-color-error': '#c92a2a',
    ...readableColours,
  },
  dark: {},
});

/**
 * The theme in the page's language: every dialog's and drawer's close button is named ("Close",
 * "Fermer", "إغلاق"), since an icon alone says nothing to a screen reader. Their title bar is a
 * `<header>` inside the dialog, which some readers would announce as a second banner of the page: it is
 * marked as plain layout, the dialog's own name (its title) being what is read.
 */
const dialogHeader = { header: { role: 'none' } };

export function localisedTheme(closeLabel: string): MantineThemeOverride {
  return mergeThemeOverrides(theme, {
    components: {
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel }, attributes: dialogHeader } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel }, attributes: dialogHeader } },
    },
  });
}
