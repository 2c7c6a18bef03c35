import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '@/lib/auth'
import { useLocalize } from '@/lib/localize'
import { Loading, LoadError } from '@/components/PageStates'
import { ProblemAlert } from '@/components/ProblemAlert'
import { currentLanguage } from '@/i18n'
import {
  useChangeHolder,
  useDefineRole,
  useDepartmentOfficials,
  useDepartmentRoles,
  useRoleHolders,
  type DepartmentRole,
  type NewRole,
} from '../api/department-roles'

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

function roleName(role: DepartmentRole): string {
  return currentLanguage() === 'en-US' ? role.nameEn : role.nameZh
}

/**
 * 岗位角色: the roles of my departments that workflow steps name (besides clerk and dept-admin), who holds them, and
 * granting or revoking a role in the portal. Grants from the identity provider's groups are shown, not changed here.
 */
export function DepartmentRoles() {
  const session = useSession()
  const departments = session.me?.departments ?? []
  if (departments.length === 0) return null
  return (
    <>
      {departments.map((department) => (
        <DepartmentRolesOf key={department.code} department={department.code} />
      ))}
    </>
  )
}

function DepartmentRolesOf({ department }: { department: string }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const session = useSession()
  const headingId = useId()
  const roles = useDepartmentRoles(department)
  const name = session.me?.departments.find((each) => each.code === department)
  const own = (roles.data ?? []).filter((role) => !role.builtIn)

  return (
    <section aria-labelledby={headingId} className="admin-section" data-testid={`department-roles-${department}`}>
      <Typography.Title level={2} id={headingId}>
        {t('workflowAdmin.roles.heading', { department: name ? localize.department(name) : department })}
      </Typography.Title>
      <Typography.Paragraph>{t('workflowAdmin.roles.lead')}</Typography.Paragraph>
      {roles.isPending && <Loading label={t('workflowAdmin.roles.loading')} />}
      {roles.isError && <LoadError error={roles.error} onRetry={() => void roles.refetch()} />}
      {roles.data && (
        <ul className="department-roles" data-testid="department-roles">
          {roles.data.map((role) => (
            <li key={role.code} data-testid={`role-${role.code}`}>
              <Typography.Text strong>{roleName(role)}</Typography.Text> <Typography.Text code>{role.code}</Typography.Text>
              {role.builtIn && <Tag>{t('workflowAdmin.roles.builtIn')}</Tag>}
              {!role.builtIn && <RoleHolders department={department} role={role} />}
            </li>
          ))}
        </ul>
      )}
      {roles.data && own.length === 0 && <Typography.Paragraph>{t('workflowAdmin.roles.none')}</Typography.Paragraph>}
      <NewRoleForm department={department} />
    </section>
  )
}

function RoleHolders({ department, role }: { department: string; role: DepartmentRole }) {
  const { t } = useTranslation()
  const holders = useRoleHolders(department, role.code)
  const [adding, setAdding] = useState(false)
  const officials = useDepartmentOfficials(department, adding)
  const change = useChangeHolder(department, role.code)
  const [chosen, setChosen] = useState<string | undefined>()
  const labelId = useId()
  const held = new Set((holders.data ?? []).map((holder) => holder.subject))

  return (
    <div className="role-holders">
      {holders.isPending && <Loading label={t('workflowAdmin.roles.loading')} />}
      {holders.data && holders.data.length === 0 && <p>{t('workflowAdmin.roles.noHolders')}</p>}
      {holders.data && holders.data.length > 0 && (
        <ul aria-label={t('workflowAdmin.roles.holders', { role: roleName(role) })} data-testid={`holders-${role.code}`}>
          {holders.data.map((holder) => (
            <li key={holder.subject}>
              {holder.displayName}
              {holder.username && ` (${holder.username})`}{' '}
              {holder.grantedInPortal ? (
                <Button
                  size="small"
                  onClick={() => change.mutate({ subject: holder.subject, grant: false })}
                  aria-label={t('workflowAdmin.roles.revokeFrom', { name: holder.displayName, role: roleName(role) })}
                >
                  {t('workflowAdmin.roles.revoke')}
                </Button>
              ) : (
                <Tag>{t('workflowAdmin.roles.fromProvider')}</Tag>
              )}
            </li>
          ))}
        </ul>
      )}
      {change.isError && <ProblemAlert error={change.error} onClose={() => change.reset()} />}
      {adding ? (
        <Space wrap>
          <span id={labelId}>{t('workflowAdmin.roles.grantTo', { role: roleName(role) })}</span>
          <Select
            aria-labelledby={labelId}
            style={{ minWidth: 220 }}
            loading={officials.isPending}
            value={chosen}
            onChange={setChosen}
            placeholder={t('workflowAdmin.roles.chooseOfficial')}
            options={(officials.data ?? [])
              .filter((official) => !held.has(official.subject))
              .map((official) => ({
                value: official.subject,
                label: official.username ? `${official.displayName} (${official.username})` : official.displayName,
              }))}
            data-testid={`grant-official-${role.code}`}
          />
          <Button
            type="primary"
            disabled={!chosen}
            loading={change.isPending}
            onClick={() =>
              chosen &&
              change.mutate({ subject: chosen, grant: true }, { onSuccess: () => setChosen(undefined) })
            }
            data-testid={`grant-${role.code}`}
          >
            {t('workflowAdmin.roles.grant')}
          </Button>
        </Space>
      ) : (
        <Button size="small" onClick={() => setAdding(true)} data-testid={`add-holder-${role.code}`}>
          {t('workflowAdmin.roles.addHolder')}
        </Button>
      )}
    </div>
  )
}

function NewRoleForm({ department }: { department: string }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<NewRole>()
  const define = useDefineRole(department)
  return (
    <Form<NewRole>
      form={form}
      layout="inline"
      className="new-role"
      onFinish={(values) =>
        define.mutate(
          { code: values.code.trim(), nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim() },
          { onSuccess: () => form.resetFields() },
        )
      }
      onValuesChange={() => define.isError && define.reset()}
      data-testid={`new-role-${department}`}
    >
      <Form.Item
        name="code"
        label={t('workflowAdmin.roles.code')}
        rules={[
          { required: true, whitespace: true, message: t('workflowAdmin.roles.codeRequired') },
          { pattern: KEBAB, message: t('workflowAdmin.roles.codePattern') },
        ]}
      >
        <Input maxLength={64} data-testid="new-role-code" />
      </Form.Item>
      <Form.Item
        name="nameZh"
        label={t('workflowAdmin.roles.nameZh')}
        rules={[{ required: true, whitespace: true, message: t('workflowAdmin.roles.nameRequired') }]}
      >
        <Input maxLength={100} data-testid="new-role-name-zh" />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('workflowAdmin.roles.nameEn')}
        rules={[{ required: true, whitespace: true, message: t('workflowAdmin.roles.nameRequired') }]}
      >
        <Input maxLength={200} data-testid="new-role-name-en" />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={define.isPending} data-testid="new-role-submit">
          {t('workflowAdmin.roles.add')}
        </Button>
      </Form.Item>
      {define.isError && <ProblemAlert error={define.error} onClose={() => define.reset()} />}
    </Form>
  )
}
