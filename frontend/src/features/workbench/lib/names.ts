import { currentLanguage } from '@/i18n'
import { useNames as useSharedNames } from '@/lib/names'
import type { TaskItem } from '../types'

/** The portal's names, and a task's step as the workbench API names it in both languages. */
export function useNames() {
  const names = useSharedNames()
  return {
    ...names,
    taskStep: (task: TaskItem): string =>
      currentLanguage() === 'en-US' ? task.stepNameEn || task.stepNameZh : task.stepNameZh,
  }
}
