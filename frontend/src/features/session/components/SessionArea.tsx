import { LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '@/components/PageStates'
import { SIGN_IN_PATH, signOut, useSession } from '@/lib/auth'
import { RoleTags } from './RoleTags'

/** The header's account corner: sign in, or who is signed in and sign out. */
export function SessionArea() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const session = useSession()
  const [signingOut, setSigningOut] = useState(false)

  const handleSignOut = async () => {
    setSigningOut(true)
    try {
      await signOut()
      // The page is navigating away; keep the button busy until it does.
    } catch {
      setSigningOut(false)
      void message.error(t('session.signOutError'))
    }
  }

  if (session.status === 'loading') {
    return <Loading small className="session-area" label={t('session.checking')} />
  }

  // An unexpected error is explained in a banner below the header (see SessionErrorBanner).
  if (session.status === 'error') return null

  if (session.status === 'signed-out' || !session.me) {
    return (
      <div className="session-area">
        {/* A plain link on purpose: single sign-on starts on the backend, so this must be
            a real page load, not a client-side route change. */}
        <Button icon={<LoginOutlined aria-hidden />} href={SIGN_IN_PATH} data-testid="login-button">
          {t('session.signIn')}
        </Button>
      </div>
    )
  }

  return (
    <div className="session-area">
      <span className="session-user">
        <UserOutlined aria-hidden />
        <span className="session-user__name" data-testid="user-name">
          {session.me.displayName}
        </span>
      </span>
      <RoleTags roles={session.roles} />
      <Button
        ghost
        icon={<LogoutOutlined aria-hidden />}
        loading={signingOut}
        onClick={() => void handleSignOut()}
        data-testid="logout-button"
      >
        {signingOut ? t('session.signingOut') : t('session.signOut')}
      </Button>
    </div>
  )
}
