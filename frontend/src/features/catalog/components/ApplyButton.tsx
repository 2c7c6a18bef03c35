import { FormOutlined } from '@ant-design/icons'
import { Button, Typography } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { SIGN_IN_PATH, useSession } from '@/lib/auth'

/** 在线办理: signed in, it opens the application; signed out, it starts single sign-on. */
export function ApplyButton({ code }: { code: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { status } = useSession()
  const hintId = useId()
  const applyPath = `/services/${encodeURIComponent(code)}/apply`
  const label = t('catalog.guide.apply')

  if (status === 'loading') {
    return (
      <Button type="primary" size="large" loading disabled data-testid="apply-button">
        {label}
      </Button>
    )
  }
  if (status === 'signed-in') {
    return (
      <Button
        type="primary"
        size="large"
        icon={<FormOutlined aria-hidden />}
        href={applyPath}
        onClick={(event) => {
          // A plain click stays in the app; Ctrl/⌘-click still opens a new tab.
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
          event.preventDefault()
          void navigate(applyPath)
        }}
        data-testid="apply-button"
      >
        {label}
      </Button>
    )
  }
  return (
    <div className="apply-signed-out">
      {/* A real page load, as the header's sign-in: single sign-on starts on the backend. */}
      <Button
        type="primary"
        size="large"
        icon={<FormOutlined aria-hidden />}
        href={SIGN_IN_PATH}
        aria-describedby={hintId}
        data-testid="apply-button"
      >
        {label}
      </Button>
      <Typography.Paragraph id={hintId} className="apply-signed-out__hint">
        {t('catalog.guide.applySignInHint')}
      </Typography.Paragraph>
    </div>
  )
}
