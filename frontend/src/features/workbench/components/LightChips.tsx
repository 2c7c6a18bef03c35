import { AppstoreOutlined } from '@ant-design/icons'
import { Radio } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LIGHTS, type QueueLight } from '../types'
import { LIGHT_ICONS } from './LightBadge'

/** 全部 / 正常 / 临期 / 超期, each with its count: the queue's lights as filter chips. */
export function LightChips({
  counts,
  value,
  onChange,
}: {
  counts: Partial<Record<QueueLight, number>> | undefined
  value: QueueLight | undefined
  onChange: (light: QueueLight | undefined) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const total = LIGHTS.reduce((sum, light) => sum + (counts?.[light] ?? 0), 0)

  return (
    <div className="queue-filter queue-filter--lights">
      <span id={`${id}-label`} className="queue-filter__label">
        {t('workbench.filters.light')}
      </span>
      <Radio.Group
        aria-labelledby={`${id}-label`}
        name={`${id}-light`}
        className="light-chips"
        optionType="button"
        value={value ?? ''}
        onChange={(event) => {
          const light = event.target.value as QueueLight | ''
          onChange(light === '' ? undefined : light)
        }}
        options={[
          {
            value: '',
            label: (
              <span className="light-chip" data-testid="light-chip-all">
                <AppstoreOutlined aria-hidden /> {t('workbench.filters.all')}{' '}
                <span className="light-chip__count">{total}</span>
              </span>
            ),
          },
          ...LIGHTS.map((light) => {
            const Icon = LIGHT_ICONS[light]
            return {
              value: light,
              label: (
                <span
                  className={`light-chip wb-light--${light.toLowerCase()}`}
                  data-testid={`light-chip-${light}`}
                >
                  <Icon aria-hidden /> {t(`workbench.lights.${light}`)}{' '}
                  <span className="light-chip__count">{counts?.[light] ?? 0}</span>
                </span>
              ),
            }
          }),
        ]}
        data-testid="light-filter"
      />
    </div>
  )
}
