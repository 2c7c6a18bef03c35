import { Typography } from 'antd'
import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'

const STEPS: readonly { titleKey: ParseKeys; descriptionKey: ParseKeys }[] = [
  { titleKey: 'home.steps.signIn.title', descriptionKey: 'home.steps.signIn.description' },
  { titleKey: 'home.steps.choose.title', descriptionKey: 'home.steps.choose.description' },
  { titleKey: 'home.steps.apply.title', descriptionKey: 'home.steps.apply.description' },
  { titleKey: 'home.steps.follow.title', descriptionKey: 'home.steps.follow.description' },
]

export function HowItWorks() {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="steps-title" className="home-section">
      <Typography.Title level={2} id="steps-title">
        {t('home.steps.heading')}
      </Typography.Title>
      <ol className="steps">
        {STEPS.map((step, index) => (
          <li key={step.titleKey} className="steps__item">
            <span className="steps__number" aria-hidden>
              {index + 1}
            </span>
            <div>
              <Typography.Title level={3} className="steps__title">
                {t(step.titleKey)}
              </Typography.Title>
              <Typography.Paragraph className="steps__description">
                {t(step.descriptionKey)}
              </Typography.Paragraph>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
