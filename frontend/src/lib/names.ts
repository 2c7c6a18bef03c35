import { useTranslation } from 'react-i18next'
import { currentLanguage } from '@/i18n'
import { useDepartments } from '@/lib/catalog/get-departments'
import type { ServiceStep, ServiceSummary } from '@/lib/catalog/types'
import { useLocalize } from '@/lib/localize'

/** Names for the codes the API answers with (departments, services, steps), and its times. */
export function useNames() {
  // Subscribes to language changes.
  useTranslation()
  const localize = useLocalize()
  const departments = useDepartments()
  const byCode = new Map((departments.data ?? []).map((department) => [department.code, department]))
  return {
    ...localize,
    department: (code: string | null | undefined): string => {
      if (!code) return ''
      const department = byCode.get(code)
      return department ? localize.department(department) : code
    },
    /** A step of the service by its id: from the guidance's steps, else the id itself. */
    step: (
      service: { steps: readonly ServiceStep[] } | undefined,
      id: string | null | undefined,
    ): string => {
      if (!id) return ''
      const step = service?.steps.find((each) => each.id === id)
      return step ? localize.text(step.name) : id
    },
    service: (services: readonly ServiceSummary[] | undefined, code: string): string => {
      const service = services?.find((each) => each.code === code)
      return service ? localize.text(service.name) : code
    },
    dateTime: (value: string | null | undefined): string => {
      if (!value) return ''
      const date = new Date(value)
      if (Number.isNaN(date.getTime())) return value
      return new Intl.DateTimeFormat(currentLanguage(), {
        dateStyle: 'medium',
        timeStyle: 'short',
        // the portal's time limits are Beijing working days, wherever the reader is
        timeZone: 'Asia/Shanghai',
      }).format(date)
    },
    /** A time limit ends at midnight after its last working day: show that day. */
    dueDay: (value: string | null | undefined): string => {
      if (!value) return ''
      const date = new Date(value)
      if (Number.isNaN(date.getTime())) return value
      return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(
        new Date(date.getTime() - 1),
      )
    },
  }
}
