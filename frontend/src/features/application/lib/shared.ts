import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNames } from '@/lib/names'
import type { ApplicationView, SharedSource } from '../types'
import { useFormat } from './format'

/** The sources as the applicant decides them: each after the one whose record names its person. */
export function orderedSources(sources: readonly SharedSource[] | null | undefined): SharedSource[] {
  const all = [...(sources ?? [])]
  const ordered: SharedSource[] = []
  const place = (source: SharedSource, seen: Set<string>) => {
    if (ordered.includes(source) || seen.has(source.dataset)) return
    seen.add(source.dataset)
    const parent = all.find((candidate) => candidate.dataset === source.of)
    if (parent) place(parent, seen)
    ordered.push(source)
  }
  all.forEach((source) => place(source, new Set()))
  return ordered
}

/** The agreed source that gives the answer at a dotted path (or a group containing it), if any. */
export function sourceOfField(application: ApplicationView, path: string): SharedSource | undefined {
  return (application.sources ?? []).find(
    (source) =>
      source.decision === 'granted' &&
      source.fields.some((field) => field === path || path.startsWith(`${field}.`) || field.startsWith(`${path}.`)),
  )
}

/** The agreed source that stands in for a material, if any. */
export function sourceOfMaterial(application: ApplicationView, code: string): SharedSource | undefined {
  if (!(application.satisfiedMaterials ?? []).includes(code)) return undefined
  return (application.sources ?? []).find(
    (source) => source.decision === 'granted' && source.materials.includes(code),
  )
}

/** Whether every answer of a top-level field comes from agreed records. */
export function isLockedField(application: ApplicationView, field: string): boolean {
  return (application.lockedFields ?? []).includes(field)
}

/**
 * "来自公安局的户籍登记（2026年1月2日记录）": where an answer or a document comes from, for the
 * note beside it; the date is the record's (or, once read, the reading's).
 */
export function useSourceNote() {
  const { t } = useTranslation()
  const names = useNames()
  const format = useFormat()
  return (source: SharedSource): string => {
    const base = {
      department: names.department(source.department),
      name: names.text(source.name),
    }
    const chosen = source.records.find((record) => record.key === source.recordKey) ?? source.records[0]
    if (source.read) {
      return t('application.shared.noteRead', { ...base, date: format.dateTime(source.read.readAt) })
    }
    if (chosen?.recordedAt) {
      return t('application.shared.noteRecorded', { ...base, date: format.dayOf(chosen.recordedAt) })
    }
    return t('application.shared.note', base)
  }
}

/** The note beside each answer that agreed records give, by dotted path (for the form). */
export function useLockedNotes(application: ApplicationView): Map<string, string> {
  const note = useSourceNote()
  const lines: string[] = []
  for (const path of application.lockedFields ?? []) {
    const source = sourceOfField(application, path)
    if (source) lines.push(`${path}=${note(source)}`)
  }
  // the same map while the notes stay the same, so the form is not rebuilt on every render
  const key = lines.join('\n')
  return useMemo(
    () =>
      new Map(
        key
          ? key.split('\n').map((line) => {
              const at = line.indexOf('=')
              return [line.slice(0, at), line.slice(at + 1)] as const
            })
          : [],
      ),
    [key],
  )
}
