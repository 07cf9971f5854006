import { Button } from '@mantine/core';
import { setLang, useLang } from './i18n';

/** The button that switches the interface between Vietnamese and English (the header's and the login page's). */
export function LangSwitch() {
  const [l] = useLang();
  return (
    <Button variant="subtle" size="xs" onClick={() => setLang(l === 'vi' ? 'en' : 'vi')} data-testid="lang-switch">
      {l === 'vi' ? 'English' : 'Tiếng Việt'}
    </Button>
  );
}
