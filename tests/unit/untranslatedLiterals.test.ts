import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The CI check that no component renders an untranslated literal is the lint run in `npm test`;
// this proves the rules catch each form and that the renderer is clean today.

const eslint = new ESLint();
const lint = async (code: string) => {
  const [result] = await eslint.lintText(code, { filePath: 'src/renderer/features/probe/Probe.tsx' });
  return result!.messages.map((m) => m.ruleId);
};

describe('untranslated literal check', () => {
  it('flags literal text, literal visible attributes and literal expressions', async () => {
    expect(await lint('export const A = () => <b>Save now</b>;\n')).toContain('no-restricted-syntax');
    expect(await lint('export const A = () => <input placeholder="Search" />;\n')).toContain('no-restricted-syntax');
    expect(await lint("export const A = () => <b>{'保存'}</b>;\n")).toContain('no-restricted-syntax');
  });

  it('lets translated text and punctuation through', async () => {
    const code = "import { useTranslation } from 'react-i18next';\nexport function A() {\n  const { t } = useTranslation();\n  return <b title={t('common.save')}>{t('common.save')} · 3</b>;\n}\n";
    expect(await lint(code)).toEqual([]);
  });

  it('finds none in the renderer', async () => {
    const results = await eslint.lintFiles(['src/renderer/**/*.tsx']);
    const offences = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(offences).toEqual([]);
  });
});
