import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { citizen, json, renderApp, signedInAs, signedOut } from '@/testing/test-utils'
import { NUMBER, detail, summary } from '../testing/fixtures'

describe('my certificates (我的证照)', () => {
  it('lists each certificate with its type, number, issuer, dates and status', async () => {
    signedInAs(citizen, {
      '/api/v1/certificates': () =>
        json([
          summary(),
          summary({ number: 'TB-20250101-AAAAAAAA', status: 'revoked', validUntil: '2030-01-01' }),
          summary({ number: 'TB-20200101-BBBBBBBB', status: 'expired' }),
        ]),
    })
    renderApp('/my/certificates')

    const table = await screen.findByRole('table', { name: '我的证照' })
    expect(document.title).toBe('我的证照 · 通办 · 一网通办')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getByTestId('certificate-status').textContent)).toEqual([
      '有效',
      '已撤销',
      '已过期',
    ])
    expect(rows[0]).toHaveTextContent('出生医学证明')
    expect(rows[0]).toHaveTextContent('卫生健康委员会')
    expect(rows[0]).toHaveTextContent('2026年12月5日')
    expect(rows[0]).toHaveTextContent('长期有效')
    expect(within(rows[0]!).getByRole('link', { name: `查看证照：出生医学证明（${NUMBER}）` })).toHaveAttribute(
      'href',
      `/my/certificates/${NUMBER}`,
    )
  })

  it('explains where certificates come from when there is none yet', async () => {
    signedInAs(citizen, { '/api/v1/certificates': () => json([]) })
    renderApp('/my/certificates')

    const empty = await screen.findByTestId('no-certificates')
    expect(empty).toHaveTextContent('您还没有电子证照。')
    expect(empty).toHaveTextContent('获批准后')
  })

  it('asks visitors to sign in', async () => {
    signedOut()
    renderApp('/my/certificates')
    expect(await screen.findByTestId('sign-in-prompt')).toHaveTextContent('登录后即可查看')
  })

  it('shows a certificate in full: fields, QR code, the PDF and the revocation with its reason', async () => {
    signedInAs(citizen, {
      [`/api/v1/certificates/${NUMBER}`]: () =>
        json(
          detail({ status: 'revoked', revokedAt: '2026-12-06T03:00:00Z', revocationReason: '申请材料不实' }),
        ),
    })
    renderApp(`/my/certificates/${NUMBER}`)

    expect(await screen.findByRole('heading', { level: 1, name: '出生医学证明' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('撤销原因：申请材料不实')
    const fields = screen.getByTestId('certificate-fields')
    expect(fields).toHaveTextContent('新生儿姓名张小明')
    expect(fields).toHaveTextContent('出生日期2026年11月20日')
    expect(fields).toHaveTextContent('多胞胎否')
    expect(screen.getByTestId('certificate-facts')).toHaveTextContent('已撤销')
    expect(screen.getByRole('img', { name: `证照 ${NUMBER} 的核验二维码` })).toHaveAttribute(
      'src',
      `/api/v1/certificates/${NUMBER}/qr`,
    )
    expect(screen.getByTestId('download-pdf')).toHaveAttribute('href', `/api/v1/certificates/${NUMBER}/pdf`)
    expect(screen.getByRole('link', { name: '打开核验页面' })).toHaveAttribute(
      'href',
      '/verify#t=eyJhbGciOiJFUzI1NiJ9.e30.sig',
    )
  })

  it('says a certificate that is not the reader’s was not found', async () => {
    signedInAs(citizen)
    renderApp('/my/certificates/TB-NOPE')
    expect(await screen.findByTestId('page-problem')).toHaveTextContent('没有找到这份证照')
  })
})
