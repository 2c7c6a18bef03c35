import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { citizen, json, marketAdmin, problemDetail, renderApp, requestUrl, signedInAs } from '@/testing/test-utils'
import { NUMBER, adminItem, detail } from '../testing/fixtures'

const LIST = '/api/v1/certificate-admin/certificates'

describe('certificate administration', () => {
  it('searches the department’s certificates by number or holder', async () => {
    const fetchMock = signedInAs(marketAdmin, {
      [LIST]: (url) => {
        const q = new URL(url, 'http://localhost').searchParams.get('q')
        return json({ items: q === '张三' ? [adminItem()] : [], page: 0, size: 20, total: q === '张三' ? 1 : 0 })
      },
    })
    const { user } = renderApp('/admin/certificates')

    expect(await screen.findByTestId('no-certificates')).toHaveTextContent('本部门还没有签发过电子证照。')
    await user.type(screen.getByLabelText('证照编号或持证人姓名'), '张三')
    await user.click(screen.getByRole('button', { name: '查找' }))

    const table = await screen.findByRole('table', { name: '证照管理' })
    const row = within(table).getAllByRole('row')[1]!
    expect(row).toHaveTextContent('**************1234')
    expect(within(row).getByRole('link', { name: `查看证照 ${NUMBER}` })).toHaveAttribute(
      'href',
      `/admin/certificates/${NUMBER}`,
    )
    const asked = fetchMock.mock.calls.map(([input]) => requestUrl(input)).filter((url) => url.pathname === LIST)
    expect(asked.at(-1)?.searchParams.get('q')).toBe('张三')
  })

  it('is only for department admins', async () => {
    signedInAs(citizen)
    renderApp('/admin/certificates')
    expect(await screen.findByTestId('staff-forbidden')).toBeInTheDocument()
  })

  it('revokes a certificate only with a reason, after confirmation, and shows the result', async () => {
    let revoked = false
    const bodies: unknown[] = []
    signedInAs(marketAdmin, {
      [`${LIST}/${NUMBER}`]: () =>
        json({ certificate: detail(revoked ? { status: 'revoked', revocationReason: '材料不实' } : {}), revokedBy: revoked ? marketAdmin.subject : null }),
      [`${LIST}/${NUMBER}/revocation`]: (_, init) => {
        bodies.push(JSON.parse(String(init?.body)))
        revoked = true
        return json({ certificate: detail({ status: 'revoked', revocationReason: '材料不实' }), revokedBy: marketAdmin.subject })
      },
    })
    const { user } = renderApp(`/admin/certificates/${NUMBER}`)

    await user.click(await screen.findByTestId('revoke-button'))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByTestId('revoke-confirm'))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('请填写撤销原因。')
    expect(bodies).toEqual([])

    await user.type(within(dialog).getByLabelText('撤销原因（必填，会告知持证人）'), '材料不实')
    await user.click(within(dialog).getByTestId('revoke-confirm'))

    expect(await screen.findByTestId('revoked-done')).toHaveTextContent(`证照 ${NUMBER} 已撤销`)
    expect(bodies).toEqual([{ reason: '材料不实' }])
    expect(screen.getByTestId('revocation')).toHaveTextContent('撤销原因：材料不实')
    expect(screen.queryByTestId('revoke-button')).not.toBeInTheDocument()
  })

  it('shows the server’s problem when a revocation is refused', async () => {
    signedInAs(marketAdmin, {
      [`${LIST}/${NUMBER}`]: () => json({ certificate: detail(), revokedBy: null }),
      [`${LIST}/${NUMBER}/revocation`]: () => problemDetail(403, '只有签发部门的管理员可以撤销证照'),
    })
    const { user } = renderApp(`/admin/certificates/${NUMBER}`)
    await user.click(await screen.findByTestId('revoke-button'))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('撤销原因（必填，会告知持证人）'), '测试')
    await user.click(within(dialog).getByTestId('revoke-confirm'))
    expect(await within(dialog).findByTestId('revoke-problem')).toHaveTextContent('只有签发部门的管理员可以撤销证照')
  })
})
