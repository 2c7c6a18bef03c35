import { describe, expect, it } from 'vitest'
import type { NotificationEntry } from '../types'
import { notificationTarget } from './link'

const entry = (overrides: Partial<NotificationEntry>): NotificationEntry => ({
  id: 'n1',
  kind: 'submitted',
  applicationId: 'app-1',
  title: 't',
  body: 'b',
  createdAt: '2026-12-05T02:00:00Z',
  read: false,
  ...overrides,
})

describe('where a notification leads', () => {
  it('leads a certificate issued or revoked to the certificate in the wallet, not the application', () => {
    expect(
      notificationTarget(entry({ kind: 'certificate-issued', certificate: 'TB-20261205-7KQ2M9XA' })),
    ).toEqual({ kind: 'certificate', to: '/my/certificates/TB-20261205-7KQ2M9XA' })
    expect(
      notificationTarget(entry({ kind: 'certificate-revoked', applicationId: null, certificate: 'TB-20261205-7KQ2M9XA' })),
    ).toEqual({ kind: 'certificate', to: '/my/certificates/TB-20261205-7KQ2M9XA' })
  })

  it('leads an applicant’s other entries to the application, and a clerk’s to the task', () => {
    expect(notificationTarget(entry({}))).toEqual({ kind: 'application', to: '/my/applications/app-1' })
    expect(
      notificationTarget(entry({ kind: 'time-limit-warning', instanceId: 'i1', step: 'acceptance' })),
    ).toEqual({ kind: 'task', to: '/workbench/i1/acceptance' })
  })

  it('leads a department’s bad rating to rectify, and the decision on its dispute, to the rectifications', () => {
    expect(notificationTarget(entry({ kind: 'rectification-opened' }))).toEqual({
      kind: 'rectifications',
      to: '/admin/rectifications',
    })
    expect(notificationTarget(entry({ kind: 'dispute-rejected' }))).toEqual({
      kind: 'rectifications',
      to: '/admin/rectifications',
    })
    expect(notificationTarget(entry({ kind: 'rectification-answered' }))).toEqual({
      kind: 'application',
      to: '/my/applications/app-1',
    })
  })
})
