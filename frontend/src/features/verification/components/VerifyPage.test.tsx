import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, problemDetail, renderApp, requestUrl, signedOut } from '@/testing/test-utils'
import type { VerificationResult } from '../types'

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJuIjoiVEIifQ.c2ln'
const PATH = '/api/v1/certificates/verification'

function result(overrides: Partial<VerificationResult> = {}): VerificationResult {
  return {
    outcome: 'valid',
    reason: null,
    number: 'TB-20261205-7KQ2M9XA',
    type: 'birth-medical-certificate',
    typeName: { zh: '出生医学证明', en: 'Birth medical certificate' },
    issuer: { code: 'health', nameZh: '卫生健康委员会', nameEn: 'Health Commission' },
    holderKind: 'person',
    holderName: '张*',
    issuedOn: '2026-12-05',
    validUntil: null,
    revokedAt: null,
    ...overrides,
  }
}

describe('public certificate verification', () => {
  it('verifies the token of the address’s fragment by POST, never in a query string, without sign-in', async () => {
    const fetchMock = signedOut({ [PATH]: () => json(result()) })
    renderApp(`/verify#t=${TOKEN}`)

    const verdict = await screen.findByTestId('verdict')
    expect(within(verdict).getByRole('status')).toHaveTextContent('真实有效')
    expect(within(verdict).getByTestId('verdict-facts')).toHaveTextContent('持证人张*')
    expect(verdict).toHaveTextContent('出生医学证明')
    expect(verdict).toHaveTextContent('卫生健康委员会')
    expect(verdict).toHaveTextContent('2026年12月5日')
    expect(document.title).toBe('证照核验 · 通办 · 一网通办')

    const calls = fetchMock.mock.calls.filter(([input]) => requestUrl(input).pathname === PATH)
    expect(calls).toHaveLength(1)
    const [input, init] = calls[0]!
    expect(requestUrl(input).search).toBe('')
    expect(init?.method).toBe('POST')
    expect(JSON.parse(String(init?.body))).toEqual({ token: TOKEN })
    for (const [each] of fetchMock.mock.calls) expect(requestUrl(each).href).not.toContain(TOKEN)
  })

  it('says clearly that a revoked certificate is no longer valid, as an alert', async () => {
    signedOut({ [PATH]: () => json(result({ outcome: 'revoked', revokedAt: '2026-12-06T03:00:00Z' })) })
    renderApp(`/verify#t=${TOKEN}`)
    expect(await screen.findByRole('alert')).toHaveTextContent('已撤销')
    expect(screen.getByTestId('verdict-facts')).toHaveTextContent('撤销时间')
  })

  it('verifies a pasted link by its token, and says why a forgery is not genuine', async () => {
    const fetchMock = signedOut({
      [PATH]: () => json(result({ outcome: 'not-genuine', reason: 'bad-signature', number: null })),
    })
    const { user } = renderApp('/verify')
    await user.click(screen.getByLabelText('核验码'))
    await user.paste(`https://portal.example/verify#t=${TOKEN}`)
    await user.click(screen.getByRole('button', { name: '核验' }))

    const verdict = await screen.findByTestId('verdict')
    expect(verdict).toHaveAttribute('data-outcome', 'not-genuine')
    expect(within(verdict).getByRole('alert')).toHaveTextContent('无法确认为真实证照')
    expect(verdict).toHaveTextContent('数字签名不正确。')
    const [, init] = fetchMock.mock.calls.find(([input]) => requestUrl(input).pathname === PATH)!
    expect(JSON.parse(String(init?.body))).toEqual({ token: TOKEN })
  })

  it('verifies an uploaded PDF as a multipart form', async () => {
    const bodies: unknown[] = []
    signedOut({
      [`${PATH}/file`]: (_, init) => {
        bodies.push(init?.body)
        return json(result({ outcome: 'expired', validUntil: '2026-01-01' }))
      },
    })
    const { user } = renderApp('/verify')

    await user.click(screen.getByRole('button', { name: '核验文件' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请先选择一个文件。')

    const file = new File(['%PDF-1.7'], 'certificate.pdf', { type: 'application/pdf' })
    fireEvent.change(screen.getByLabelText('选择证照 PDF 文件（或签名文件 certificate.jws）'), {
      target: { files: [file] },
    })
    await user.click(screen.getByRole('button', { name: '核验文件' }))

    expect(await screen.findByTestId('verdict')).toHaveAttribute('data-outcome', 'expired')
    expect(bodies[0]).toBeInstanceOf(FormData)
    expect((bodies[0] as FormData).get('file')).toBeInstanceOf(File)
  })

  it('shows the problem when verification fails', async () => {
    signedOut({ [`${PATH}/file`]: () => problemDetail(413, '文件过大') })
    const { user } = renderApp('/verify')
    const file = new File(['x'], 'big.pdf', { type: 'application/pdf' })
    fireEvent.change(screen.getByTestId('verify-file'), { target: { files: [file] } })
    await user.click(screen.getByRole('button', { name: '核验文件' }))
    expect(await screen.findByTestId('problem')).toHaveTextContent('文件过大')
  })
})

describe('public certificate verification in English', () => {
  it('gives the verdict and the issuer in English', async () => {
    signedOut({ [PATH]: () => json(result()) })
    const { user } = renderApp(`/verify#t=${TOKEN}`)
    await screen.findByTestId('verdict')
    await user.click(screen.getByTestId('lang-switch'))

    const verdict = await screen.findByTestId('verdict')
    expect(within(verdict).getByRole('status')).toHaveTextContent('Genuine and valid')
    expect(verdict).toHaveTextContent('Health Commission')
    expect(verdict).toHaveTextContent('Birth medical certificate')
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Verify a certificate')
  })
})
