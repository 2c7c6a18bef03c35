import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  PauseCircleOutlined,
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { Light } from '../types'

export const LIGHT_ICONS = {
  GREEN: CheckCircleOutlined,
  YELLOW: ClockCircleOutlined,
  RED: ExclamationCircleOutlined,
  PAUSED: PauseCircleOutlined,
} as const

/** A time-limit light as icon, colour and word: never colour alone. */
export function LightBadge({ light }: { light: Light }) {
  const { t } = useTranslation()
  const Icon = LIGHT_ICONS[light]
  return (
    <span className={`wb-light wb-light--${light.toLowerCase()}`} data-testid="light" data-light={light}>
      <Icon aria-hidden />
      <span>{t(`workbench.lights.${light}`)}</span>
    </span>
  )
}
