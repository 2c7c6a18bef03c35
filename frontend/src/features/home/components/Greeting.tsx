import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSession } from '@/lib/auth'

/** Greets the signed-in person by name, or says what signing in brings. */
export function Greeting() {
  const { t, i18n } = useTranslation()
  const { status, me } = useSession()

  if (status === 'signed-out') {
    return (
      // Information, not an alarm: antd would announce it as role="alert".
      <Alert className="greeting" type="info" showIcon role="note" title={t('home.signInPrompt')} />
    )
  }
  if (status !== 'signed-in' || !me) return null

  const english = i18n.resolvedLanguage === 'en-US'
  const departments = me.departments.map((d) => (english ? d.nameEn : d.nameZh))
  return (
    <div className="greeting" data-testid="greeting">
      <Typography.Paragraph className="greeting__hello">
        {t('home.greeting', { name: me.displayName })}
      </Typography.Paragraph>
      <Typography.Paragraph className="greeting__detail">
        {t('home.welcomeBack')}
        {me.enterprise && <> {t('home.enterprise', { name: me.enterprise.name })}</>}
        {departments.length > 0 && (
          <> {t('home.departments', { names: departments.join(english ? ', ' : '、') })}</>
        )}
      </Typography.Paragraph>
    </div>
  )
}
