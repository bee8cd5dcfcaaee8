import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hubFailureText, type Expected, type FailureLike, type FailureText } from './hubFailureText';

/** The sentence of a failure (its key's placeholders are the ones hubFailureText fills for it). */
export function useFailureSentence(): (text: FailureText) => string {
  const { t } = useTranslation();
  return (text) => t(text.key, text.values as { theirs: string; ours: string; status: number });
}

/** A failure as one translated sentence, with the host's words small beneath it. */
export function FailureMessage({ failure, expected }: { failure: FailureLike; expected?: Expected }) {
  const { t } = useTranslation();
  const sentence = useFailureSentence();
  const text = hubFailureText(failure, expected);
  return (
    <Stack gap={2}>
      <Text size="sm">{sentence(text)}</Text>
      {text.detail ? <Text size="xs" c="dimmed">{t('sync.failures.detail', { message: text.detail })}</Text> : null}
    </Stack>
  );
}
