import { Segmented } from 'antd';
import { useLanguage, useT } from '../i18n/i18n.context';
import type { Language } from '../i18n/messages';

export function LanguageSwitch() {
  const [language, setLanguage] = useLanguage();
  const t = useT();
  return (
    <Segmented<Language>
      aria-label={t('app.language')}
      size="small"
      value={language}
      onChange={setLanguage}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
    />
  );
}
