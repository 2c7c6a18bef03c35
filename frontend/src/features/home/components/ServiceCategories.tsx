import { BookOutlined, GiftOutlined, MedicineBoxOutlined, ShopOutlined } from '@ant-design/icons'
import { Card, Col, Row, Typography } from 'antd'
import type { ParseKeys } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

interface Category {
  code: string
  icon: ReactNode
  titleKey: ParseKeys
  descriptionKey: ParseKeys
}

const CATEGORIES: readonly Category[] = [
  {
    code: 'education',
    icon: <BookOutlined />,
    titleKey: 'home.categories.education.title',
    descriptionKey: 'home.categories.education.description',
  },
  {
    code: 'health',
    icon: <MedicineBoxOutlined />,
    titleKey: 'home.categories.health.title',
    descriptionKey: 'home.categories.health.description',
  },
  {
    code: 'enterprise',
    icon: <ShopOutlined />,
    titleKey: 'home.categories.enterprise.title',
    descriptionKey: 'home.categories.enterprise.description',
  },
  {
    code: 'life-event',
    icon: <GiftOutlined />,
    titleKey: 'home.categories.lifeEvents.title',
    descriptionKey: 'home.categories.lifeEvents.description',
  },
]

export function ServiceCategories() {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="categories-title" className="home-section">
      <Typography.Title level={2} id="categories-title">
        {t('home.categories.heading')}
      </Typography.Title>
      <Row gutter={[16, 16]} wrap role="list">
        {CATEGORIES.map((category) => (
          <Col key={category.code} xs={24} sm={12} lg={6} role="listitem">
            <Link
              to={`/services?category=${category.code}`}
              className="category-card"
              data-testid={`category-${category.code}`}
            >
              <Card hoverable className="category-card__card">
                <span className="category-card__icon" aria-hidden>
                  {category.icon}
                </span>
                <Typography.Title level={3} className="category-card__title">
                  {t(category.titleKey)}
                </Typography.Title>
                <Typography.Paragraph className="category-card__description">
                  {t(category.descriptionKey)}
                </Typography.Paragraph>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </section>
  )
}
