import { createTheme } from '@mantine/core';

// Calm colours for a screen that is looked at all night; red is kept for what is urgent.
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
  headings: { fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif' },
});
