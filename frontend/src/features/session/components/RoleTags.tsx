import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Role } from '@/lib/auth'

export function RoleTags({ roles }: { roles: Role[] }) {
  const { t } = useTranslation()
  if (roles.length === 0) return null
  return (
    <ul className="role-tags" aria-label={t('session.roles')}>
      {roles.map((role) => (
        <li key={role}>
          <Tag className="role-tag">{t(`roles.${role}`)}</Tag>
        </li>
      ))}
    </ul>
  )
}
