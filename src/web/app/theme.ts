import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A blue whose filled shade (7) gives 6.5:1 with white text and whose anchor/text uses pass
// WCAG 2.1 AA (≥ 4.5:1) on white. Mantine's default blue.6 is only ≈ 3.6:1.
const larka: MantineColorsTuple = [
  '#e7f1fb', '#cfe1f5', '#9fc3ea', '#6ca3df', '#4288d5',
  '#2776cf', '#176ccc', '#0b5cb5', '#004f9f', '#00428a',
];

// Darker greens so that success texts (shade 9 on shade 1) pass AA.
const green: MantineColorsTuple = [
  '#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c',
  '#40c057', '#2f9e44', '#237a36', '#1c6a2e', '#155724',
];

// Darker orange 9 so warning texts (shade 9 on shade 1) pass AA (Mantine's is 3.6:1).
const orange: MantineColorsTuple = [
  '#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d',
  '#ff922b', '#fd7e14', '#c2510c', '#a8470a', '#9c3a00',
];

export const theme = createTheme({
  primaryColor: 'larka',
  primaryShade: { light: 7, dark: 7 },
  colors: { larka, green, orange },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
});

// Mantine's dimmed grey (gray.6 ≈ 3.3:1) and error red (red.6) fail AA on white.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': '#6c737a',
    '--mantine-color-success': '#155724',
  },
  dark: {},
});
