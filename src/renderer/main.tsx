import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { initI18n } from './i18n';
import { theme } from './app/theme';
import { Root } from './app/Root';
import { installDialogFocusFollow } from './components/dialogFocus';

await initI18n('zh-CN');
installDialogFocusFollow(document);

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} defaultColorScheme="light">
    {/* U14: out of the way of the header's buttons and the toolbars, gone soon, and never in the
        way of a click: clicks pass through (pointer-events is inherited), so hovering does not keep one. */}
    <Notifications position="bottom-right" autoClose={4000} containerWidth={360} style={{ pointerEvents: 'none' }} />
    <Root />
  </MantineProvider>,
);
