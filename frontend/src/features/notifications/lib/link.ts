import type { NotificationEntry } from '../types'

export type NotificationTarget =
  | { kind: 'task' | 'workbench' | 'application' | 'certificate' | 'rectifications'; to: string }
  | undefined

/**
 * Where an entry leads: a clerk's entry (time limits, reassignments) to the task, or to the
 * workbench when the task is not named; a holder's certificate entry (issued, revoked) to the certificate in
 * their wallet; an applicant's entry to their application.
 */
export function notificationTarget(entry: NotificationEntry): NotificationTarget {
  if (entry.certificate) {
    return { kind: 'certificate', to: `/my/certificates/${encodeURIComponent(entry.certificate)}` }
  }
  // 好差评: a department's bad rating to rectify, or the platform admin's decision on its dispute
  if (entry.kind === 'rectification-opened' || entry.kind.startsWith('dispute-')) {
    return { kind: 'rectifications', to: '/admin/rectifications' }
  }
  const forClerks = entry.kind.startsWith('time-limit-') || entry.kind.startsWith('task-reassigned-')
  if (forClerks) {
    // a task reassigned away is no longer mine: the workbench, not the task
    if (entry.instanceId && entry.step && entry.kind !== 'task-reassigned-away') {
      return {
        kind: 'task',
        to: `/workbench/${encodeURIComponent(entry.instanceId)}/${encodeURIComponent(entry.step)}`,
      }
    }
    return { kind: 'workbench', to: '/workbench' }
  }
  if (entry.applicationId) {
    return { kind: 'application', to: `/my/applications/${encodeURIComponent(entry.applicationId)}` }
  }
  return undefined
}
