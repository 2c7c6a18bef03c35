const HOUR = 60 * 60_000
const DAY = 24 * HOUR

/** How long a step has left, or how long it is overdue, in whole days or hours. */
export type TimeLeft =
  | { kind: 'none' }
  | { kind: 'left' | 'overdue'; unit: 'days' | 'hours'; count: number }

export function timeLeft(dueAt: string | null | undefined, now = Date.now()): TimeLeft {
  if (!dueAt) return { kind: 'none' }
  const due = Date.parse(dueAt)
  if (Number.isNaN(due)) return { kind: 'none' }
  const diff = due - now
  if (diff > 0) {
    if (diff >= DAY) return { kind: 'left', unit: 'days', count: Math.floor(diff / DAY) }
    return { kind: 'left', unit: 'hours', count: Math.max(1, Math.ceil(diff / HOUR)) }
  }
  const late = -diff
  if (late >= DAY) return { kind: 'overdue', unit: 'days', count: Math.floor(late / DAY) }
  return { kind: 'overdue', unit: 'hours', count: Math.max(1, Math.floor(late / HOUR)) }
}
