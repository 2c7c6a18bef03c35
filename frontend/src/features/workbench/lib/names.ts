import { useTranslation } from 'react-i18next'
import { useDepartments } from '@/features/catalog/api/get-departments'
import { useLocalize } from '@/features/catalog/localize'
import type { ServiceSummary } from '@/features/catalog/types'
import { currentLanguage } from '@/i18n'
import type { ServiceWithForm, TaskItem } from '../types'

/** Names for the codes the workbench API answers with, in the interface language. */
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
    step: (service: ServiceWithForm | undefined, id: string | null | undefined): string => {
      if (!id) return ''
      const step = service?.steps.find((each) => each.id === id)
      return step ? localize.text(step.name) : id
    },
    taskStep: (task: TaskItem): string =>
      currentLanguage() === 'en-US' ? task.stepNameEn || task.stepNameZh : task.stepNameZh,
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
