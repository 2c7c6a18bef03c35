import { Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../lib/format'
import type { ApplicationView } from '../types'
import '../application.css'

/** The confirmation page after submitting: the number to keep, when to expect the result, what next. */
export function Receipt({ application, serviceName }: { application: ApplicationView; serviceName: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => heading.current?.focus(), [])

  return (
    <div className="page-width page-section" data-testid="receipt">
      <div className="apply__body">
        <div className="receipt-panel">
          <Typography.Title level={1} className="receipt-panel__title apply__heading" tabIndex={-1} ref={heading}>
            {t('application.receipt.title')}
          </Typography.Title>
          <p>
            {t('application.receipt.number')}
            <strong className="receipt-panel__number" data-testid="application-number">
              {application.number}
            </strong>
          </p>
        </div>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('myApplications.table.service')}</dt>
            <dd>{serviceName}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('application.receipt.submittedAt')}</dt>
            <dd>{format.dateTime(application.submittedAt)}</dd>
          </div>
          {application.expectedCompletion && (
            <div className="facts__row">
              <dt>{t('application.receipt.expected')}</dt>
              <dd data-testid="expected-completion">{format.date(application.expectedCompletion)}</dd>
            </div>
          )}
        </dl>
        <Typography.Paragraph>{t('application.receipt.keepNumber')}</Typography.Paragraph>
        <Typography.Title level={2}>{t('application.receipt.nextTitle')}</Typography.Title>
        <Typography.Paragraph>{t('application.receipt.next')}</Typography.Paragraph>
        <ul className="receipt-links">
          <li>
            <Link to={`/my/applications/${encodeURIComponent(application.id)}`}>
              {t('application.receipt.viewProgress')}
            </Link>
          </li>
          <li>
            <Link to="/my/applications">{t('application.receipt.myApplications')}</Link>
          </li>
        </ul>
      </div>
    </div>
  )
}
