import { GlobalOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { changeLanguage, currentLanguage, type Language } from '@/i18n'

/** One button that offers the other language, named in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const other: Language = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN'
  return (
    <Button
      ghost
      icon={<GlobalOutlined aria-hidden />}
      aria-label={t('language.switchAria')}
      lang={other}
      onClick={() => void changeLanguage(other)}
      data-testid="lang-switch"
    >
      {t('language.switchLabel')}
    </Button>
  )
}
