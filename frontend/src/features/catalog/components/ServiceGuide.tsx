import { Typography } from 'antd'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useLocalize } from '@/lib/localize'
import { useSatisfaction } from '../api/get-satisfaction'
import type { ServiceDetail } from '@/lib/catalog/types'
import { ApplyButton } from './ApplyButton'
import { MaterialsTable } from './MaterialsTable'
import { StepsList } from './StepsList'
import { WorkflowDiagram } from '@/components/WorkflowDiagram'

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** 好差评: the share of good ratings of the last twelve months, computed by the server; nothing while it loads. */
function SatisfactionFact({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const satisfaction = useSatisfaction(code)
  if (!satisfaction.data) return null
  const { goodShare, ratings } = satisfaction.data
  const share =
    goodShare === null
      ? ''
      : new Intl.NumberFormat(i18n.resolvedLanguage === 'en-US' ? 'en-GB' : 'zh-CN', {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(goodShare)
  return (
    <Fact term={t('rating.satisfaction.label')}>
      <span data-testid="service-satisfaction">
        {goodShare === null ? t('rating.satisfaction.none') : t('rating.satisfaction.value', { share, count: ratings })}
      </span>
    </Fact>
  )
}

/** 办事指南: everything a person needs to know before applying for one service. */
export function ServiceGuide({ service }: { service: ServiceDetail }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const id = useId()
  const name = localize.text(service.name)
  const ids = {
    about: `${id}-about`,
    basics: `${id}-basics`,
    materials: `${id}-materials`,
    shared: `${id}-shared`,
    steps: `${id}-steps`,
    diagram: `${id}-diagram`,
    diagramText: `${id}-diagram-text`,
  }

  return (
    <div className="page-width page-section guide" data-testid="service-guide">
      <nav aria-label={t('catalog.guide.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/services">{t('catalog.title')}</Link>
          </li>
          <li>
            <Link to={`/services?category=${service.category}`}>
              {t(`catalog.categories.${service.category}`)}
            </Link>
          </li>
          <li aria-current="page">{name}</li>
        </ol>
      </nav>

      <header className="guide__header">
        <div>
          <Typography.Title level={1} className="guide__title">
            {name}
          </Typography.Title>
          <p className="guide__tags">
            <span className="badge badge--audience">{t(`catalog.audiences.${service.audience}`)}</span>
          </p>
        </div>
        <ApplyButton code={service.code} />
      </header>

      <section aria-labelledby={ids.about} className="guide__section">
        <Typography.Title level={2} id={ids.about}>
          {t('catalog.guide.about')}
        </Typography.Title>
        <Typography.Paragraph className="guide__description">
          {localize.text(service.description)}
        </Typography.Paragraph>
      </section>

      <section aria-labelledby={ids.basics} className="guide__section">
        <Typography.Title level={2} id={ids.basics}>
          {t('catalog.guide.basics')}
        </Typography.Title>
        <dl className="facts" data-testid="service-facts">
          <Fact term={t('catalog.guide.audience')}>
            {t(`catalog.audiences.${service.audience}`)}
          </Fact>
          <Fact term={t('catalog.guide.category')}>
            {t(`catalog.categories.${service.category}`)}
          </Fact>
          <Fact term={t('catalog.guide.promised')}>
            {t('catalog.guide.workingDays', { count: service.promisedWorkingDays })}
          </Fact>
          <Fact term={t('catalog.guide.fee')}>{localize.text(service.fee)}</Fact>
          <Fact term={t('catalog.guide.leadDepartment')}>
            {localize.department(service.department)}
          </Fact>
          <Fact term={t('catalog.guide.departments')}>
            {localize.list(service.departments.map(localize.department))}
            {service.departments.length > 1 && (
              <>
                {' '}
                <span className="badge badge--joint">
                  {t('catalog.card.jointDepartments', { count: service.departments.length })}
                </span>
              </>
            )}
          </Fact>
          <Fact term={t('catalog.guide.result')}>
            {service.certificate
              ? service.certificateName
                ? t('catalog.guide.resultCertificateNamed', { name: localize.text(service.certificateName) })
                : t('catalog.guide.resultCertificate')
              : t('catalog.guide.resultDecision')}
          </Fact>
          <Fact term={t('catalog.guide.legalBasis')}>{localize.text(service.legalBasis)}</Fact>
          <SatisfactionFact code={service.code} />
        </dl>
      </section>

      <section aria-labelledby={ids.materials} className="guide__section">
        <Typography.Title level={2} id={ids.materials}>
          {t('catalog.guide.materials.heading')}
        </Typography.Title>
        <MaterialsTable
          materials={service.materials}
          sharedData={service.sharedData}
          labelledBy={ids.materials}
        />
      </section>

      {(service.sharedData ?? []).length > 0 && (
        <section aria-labelledby={ids.shared} className="guide__section" data-testid="shared-data">
          <Typography.Title level={2} id={ids.shared}>
            {t('catalog.guide.shared.heading')}
          </Typography.Title>
          <Typography.Paragraph>{t('catalog.guide.shared.lead')}</Typography.Paragraph>
          <div className="table-scroll">
            <table className="data-table" aria-labelledby={ids.shared}>
              <thead>
                <tr>
                  <th scope="col">{t('catalog.guide.shared.name')}</th>
                  <th scope="col">{t('catalog.guide.shared.department')}</th>
                  <th scope="col">{t('catalog.guide.shared.purpose')}</th>
                </tr>
              </thead>
              <tbody>
                {(service.sharedData ?? []).map((data) => (
                  <tr key={data.dataset}>
                    <th scope="row">{localize.text(data.name)}</th>
                    <td>{localize.department(data.department)}</td>
                    <td>{localize.text(data.purpose)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby={ids.steps} className="guide__section">
        <Typography.Title level={2} id={ids.steps}>
          {t('catalog.guide.steps.heading')}
        </Typography.Title>
        <StepsList steps={service.steps} labelledBy={ids.steps} />
      </section>

      <section aria-labelledby={ids.diagram} className="guide__section">
        <Typography.Title level={2} id={ids.diagram}>
          {t('catalog.guide.diagram.heading')}
        </Typography.Title>
        <Typography.Paragraph id={ids.diagramText} className="guide__hint">
          {t('catalog.guide.diagram.description')}
        </Typography.Paragraph>
        <WorkflowDiagram
          url={service.diagramUrl}
          label={t('catalog.guide.diagram.label', { name })}
          describedBy={ids.diagramText}
        />
      </section>
    </div>
  )
}
