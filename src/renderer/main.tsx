import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { initI18n } from './i18n';
import { theme } from './app/theme';
import { Root } from './app/Root';

await initI18n('zh-CN');

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} defaultColorScheme="light">
    <Notifications position="top-right" />
    <Root />
  </MantineProvider>,
);
