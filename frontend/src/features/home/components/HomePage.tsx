import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Greeting } from './Greeting'
import { HowItWorks } from './HowItWorks'
import { ServiceCategories } from './ServiceCategories'
import { ServiceSearch } from './ServiceSearch'

/** The landing page: what the portal is for, where to start, and who is signed in. */
export function HomePage() {
  const { t } = useTranslation()
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="page-width hero__inner">
          <Greeting />
          <Typography.Title level={1} id="hero-title" className="hero__title">
            {t('home.hero.title')}
          </Typography.Title>
          <Typography.Paragraph className="hero__lead">{t('home.hero.lead')}</Typography.Paragraph>
          <ServiceSearch />
        </div>
      </section>
      <div className="page-width page-section">
        <ServiceCategories />
        <HowItWorks />
      </div>
    </>
  )
}
