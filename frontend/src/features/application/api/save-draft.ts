import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiClient } from '@/lib/api-client'
import { fieldProblems } from '../lib/problems'
import type { FormSchema } from '../lib/schema'
import { savableAnswers } from '../lib/validation'
import type { ApplicationView, FieldProblem, FormData } from '../types'
import { applicationKeys, applicationPath } from './applications'

/** Saves the draft's answers: incomplete answers are fine, wrong ones come back as a 400 problem. */
export function saveDraft(id: string, formData: FormData) {
  return apiClient.put<ApplicationView>(`${applicationPath(id)}/draft`, { formData })
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; partial: boolean }
  | { kind: 'failed' }

export type SaveResult = { ok: true } | { ok: false; problems: FieldProblem[] }

/** How long typing may pause before the answers are saved. */
export const AUTOSAVE_DELAY_MS = 1000

/**
 * Keeps the draft saved as the person answers: shortly after they stop typing, and at once when
 * they move to another page (`flush`). Saves run one after the other, so an older one never
 * overwrites a newer one; answers still wrong (mid-typing) are left out rather than failing
 * the whole save. `stored` is what the backend holds already.
 */
export function useDraftSaver(applicationId: string, schema: FormSchema, stored: FormData) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pending = useRef<FormData | undefined>(undefined)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  // What the backend holds already need not be sent again.
  const [storedJson] = useState(() => JSON.stringify(stored))
  const lastSaved = useRef<string | undefined>(storedJson)

  const save = useCallback(
    (answers: FormData): Promise<SaveResult> => {
      const run = async (): Promise<SaveResult> => {
        const payload = savableAnswers(t, schema, answers)
        const partial = Object.keys(payload).length < Object.keys(answers).length
        const json = JSON.stringify(payload)
        if (json === lastSaved.current) {
          setStatus((current) => (current.kind === 'saved' ? { ...current, partial } : current))
          return { ok: true }
        }
        setStatus({ kind: 'saving' })
        try {
          const view = await saveDraft(applicationId, payload)
          lastSaved.current = json
          queryClient.setQueryData(applicationKeys.one(applicationId), view)
          setStatus({ kind: 'saved', at: new Date(), partial })
          return { ok: true }
        } catch (error) {
          setStatus({ kind: 'failed' })
          return { ok: false, problems: fieldProblems(error) }
        }
      }
      const next = queue.current.then(run, run)
      queue.current = next
      return next
    },
    [applicationId, queryClient, schema, t],
  )

  const flush = useCallback(
    (answers?: FormData): Promise<SaveResult> => {
      clearTimeout(timer.current)
      const data = answers ?? pending.current
      pending.current = undefined
      return data ? save(data) : Promise.resolve({ ok: true })
    },
    [save],
  )

  const schedule = useCallback(
    (answers: FormData) => {
      pending.current = answers
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS)
    },
    [flush],
  )

  // Leaving the page keeps what was typed last.
  useEffect(() => () => void flush(), [flush])

  return { status, schedule, flush }
}
