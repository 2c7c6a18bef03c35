import { ArrowLeftOutlined, ExperimentOutlined, SwapOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Popconfirm, Typography } from 'antd'
import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { StaffOnly } from '@/components/StaffOnly'
import { Loading, LoadError } from '@/components/PageStates'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useNames } from '@/lib/names'
import { useAdminServices } from '../api/get-admin-services'
import { useMigrate, useMigrationDryRun } from '../api/migrations'
import type {
  AdminService,
  ApplicationMove,
  MigrationPlacement,
  MigrationReport,
  MigrationRequest,
  MigrationStep,
} from '../types'
import '../workflow-admin.css'

/**
 * /admin/workflows/:code/migrations, 迁移在办件: a department admin moves the applications still running on an
 * older version of the service's workflow to a newer one — versions, step mapping, dry run, then the migration.
 */
export function MigrationPage() {
  const { t } = useTranslation()
  return (
    <StaffOnly roles={['dept-admin', 'admin']} title={t('workflowMigration.title')}>
      <Migration />
    </StaffOnly>
  )
}

function Migration() {
  const { t } = useTranslation()
  const names = useNames()
  const { code = '' } = useParams()
  const services = useAdminServices()
  const service = services.data?.find((each) => each.code === code)

  let body
  if (services.isPending) {
    body = <Loading className="queue-loading" label={t('workflowMigration.loading')} />
  } else if (services.isError) {
    body = <LoadError error={services.error} onRetry={() => void services.refetch()} testId="migration-load-error" />
  } else if (!service) {
    body = <Empty data-testid="migration-not-found" description={t('workflowMigration.notFound')} />
  } else if (service.versions.length < 2) {
    body = <Alert type="info" showIcon title={t('workflowMigration.versions.onlyOne')} data-testid="migration-one-version" />
  } else {
    // a new form for every service: nothing chosen for one service carries over to another
    body = <MigrationForm key={service.code} service={service} />
  }

  return (
    <div className="page-width page-section workflow-admin migration">
      <p>
        <Link to="/admin/workflows">
          <ArrowLeftOutlined aria-hidden /> {t('workflowMigration.back')}
        </Link>
      </p>
      <Typography.Title level={1}>{t('workflowMigration.title')}</Typography.Title>
      {service && (
        <p className="admin-service__facts" data-testid="migration-service">
          {t('workflowMigration.service', {
            name: names.english ? service.nameEn || service.nameZh : service.nameZh,
            code: service.code,
          })}
        </p>
      )}
      <Typography.Paragraph className="page-lead">{t('workflowMigration.lead')}</Typography.Paragraph>
      {body}
    </div>
  )
}

/** The oldest version that still has running applications (not the newest), else the one before the newest. */
function defaultFrom(service: AdminService): number {
  const older = [...service.versions]
    .filter((version) => version.version < service.latestVersion)
    .sort((a, b) => a.version - b.version)
  return older.find((version) => version.running > 0)?.version ?? older[older.length - 1]?.version ?? 1
}

function sameRequest(a: MigrationRequest | undefined, b: MigrationRequest): boolean {
  if (!a || a.fromVersion !== b.fromVersion || a.toVersion !== b.toVersion) return false
  const keys = Object.keys(a.stepMapping)
  return (
    keys.length === Object.keys(b.stepMapping).length && keys.every((key) => a.stepMapping[key] === b.stepMapping[key])
  )
}

function MigrationForm({ service }: { service: AdminService }) {
  const { t } = useTranslation()
  const id = useId()
  const [from, setFrom] = useState(() => defaultFrom(service))
  const [to, setTo] = useState(() => Math.min(defaultFrom(service) + 1, service.latestVersion))
  const [mapping, setMapping] = useState<Record<string, string>>({})
  // the report shown, and the request it answered: a migration always follows the request its dry run checked
  const [report, setReport] = useState<{ request: MigrationRequest; report: MigrationReport }>()
  const dryRun = useMigrationDryRun(service.code)
  const migrate = useMigrate(service.code)
  const [error, setError] = useState<unknown>()

  const versions = [...service.versions].sort((a, b) => a.version - b.version)
  const targets = versions.filter((version) => version.version > from)
  const request: MigrationRequest = { fromVersion: from, toVersion: to, stepMapping: mapping }
  const busy = dryRun.isPending || migrate.isPending
  // the mapping editor belongs to the versions of the report it came with
  const editable = report && report.request.fromVersion === from && report.request.toVersion === to ? report : undefined
  const current = sameRequest(report?.request, request)

  const chooseVersions = (nextFrom: number, nextTo: number) => {
    setFrom(nextFrom)
    setTo(nextTo)
    setMapping({})
    setReport(undefined)
    setError(undefined)
  }

  const runDryRun = () => {
    setError(undefined)
    dryRun.mutate(request, {
      onSuccess: (answer) => setReport({ request, report: answer }),
      onError: setError,
    })
  }

  const runMigration = () => {
    if (!report) return
    setError(undefined)
    migrate.mutate(report.request, {
      onSuccess: (answer) => setReport({ request: report.request, report: answer }),
      onError: setError,
    })
  }

  const ready = report?.report.dryRun ? (report.report.counts.ready ?? 0) : 0

  return (
    <>
      <section aria-labelledby={`${id}-versions`} className="admin-section migration__versions">
        <Typography.Title level={2} id={`${id}-versions`}>
          {t('workflowMigration.versions.heading')}
        </Typography.Title>
        <div className="migration__choices">
          <div className="migration__choice">
            <label htmlFor={`${id}-from`}>{t('workflowMigration.versions.from')}</label>
            <select
              id={`${id}-from`}
              className="migration__select"
              value={from}
              onChange={(event) => {
                const nextFrom = Number(event.target.value)
                chooseVersions(nextFrom, Math.max(to, nextFrom + 1))
              }}
            >
              {versions
                .filter((version) => version.version < service.latestVersion)
                .map((version) => (
                  <option key={version.version} value={version.version}>
                    {t('workflowMigration.versions.option', { version: version.version, count: version.running })}
                  </option>
                ))}
            </select>
          </div>
          <SwapOutlined aria-hidden className="migration__arrow" />
          <div className="migration__choice">
            <label htmlFor={`${id}-to`}>{t('workflowMigration.versions.to')}</label>
            <select
              id={`${id}-to`}
              className="migration__select"
              value={to}
              onChange={(event) => chooseVersions(from, Number(event.target.value))}
            >
              {targets.map((version) => (
                <option key={version.version} value={version.version}>
                  {t('workflowMigration.versions.option', { version: version.version, count: version.running })}
                </option>
              ))}
            </select>
          </div>
          <Button
            icon={<ExperimentOutlined aria-hidden />}
            onClick={runDryRun}
            loading={dryRun.isPending}
            disabled={busy && !dryRun.isPending}
            data-testid="dry-run-button"
          >
            {editable ? t('workflowMigration.dryRunAgain') : t('workflowMigration.dryRun')}
          </Button>
        </div>
      </section>

      {editable && editable.report.steps.length > 0 && (
        <StepMapping
          report={editable.report}
          mapping={mapping}
          onChange={(step, target) => {
            const next = { ...mapping }
            if (target) next[step] = target
            else delete next[step]
            setMapping(next)
          }}
        />
      )}

      <div aria-live="polite">
        {error !== undefined && <ProblemAlert error={error} testId="migration-error" />}
        {report && !current && report.report.dryRun && (
          <Alert type="warning" showIcon title={t('workflowMigration.mapping.changed')} data-testid="mapping-changed" />
        )}
      </div>

      {report && (
        <MigrationResult
          report={report.report}
          action={
            report.report.dryRun ? (
              <Popconfirm
                title={t('workflowMigration.migrateConfirm', { count: ready, to: report.request.toVersion })}
                description={t('workflowMigration.migrateConfirmBody')}
                okText={t('workflowMigration.migrateOk')}
                cancelText={t('workflowMigration.cancel')}
                onConfirm={runMigration}
                disabled={busy || ready === 0 || !current}
              >
                <Button
                  type="primary"
                  loading={migrate.isPending}
                  disabled={busy || ready === 0 || !current}
                  data-testid="migrate-button"
                >
                  {ready === 0 ? t('workflowMigration.nothingToMigrate') : t('workflowMigration.migrate', { count: ready })}
                </Button>
              </Popconfirm>
            ) : undefined
          }
        />
      )}
    </>
  )
}

/** 环节映射: each step of the old version where applications can wait, and what it becomes in the new one. */
function StepMapping({
  report,
  mapping,
  onChange,
}: {
  report: MigrationReport
  mapping: Record<string, string>
  onChange: (step: string, target: string) => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  const label = (step: MigrationStep | MigrationPlacement | undefined, fallback: string) =>
    step?.name ? `${names.text(step.name)} (${fallback})` : fallback
  const where = (step: MigrationStep) => {
    if (step.kind === 'parallel') return t('workflowMigration.mapping.parallel')
    if (step.kind === 'applicant') return t('workflowMigration.mapping.applicant')
    if (step.branch) return t('workflowMigration.mapping.branch', { branch: step.branch })
    return names.department(step.department)
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="admin-section migration__mapping" data-testid="step-mapping">
      <Typography.Title level={2} id={`${id}-heading`}>
        {t('workflowMigration.mapping.heading')}
      </Typography.Title>
      <Typography.Paragraph className="admin-section__hint">{t('workflowMigration.mapping.hint')}</Typography.Paragraph>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">
            {t('workflowMigration.mapping.caption', { from: report.fromVersion, to: report.toVersion })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('workflowMigration.mapping.oldStep', { version: report.fromVersion })}</th>
              <th scope="col">{t('workflowMigration.mapping.newStep', { version: report.toVersion })}</th>
            </tr>
          </thead>
          <tbody>
            {report.steps.map((step) => {
              const chosen = mapping[step.id] ?? step.target ?? ''
              const name = label(step, step.id)
              const candidates = report.targets.filter((target) => target.kind === step.kind)
              // without a step of the same id it may also go nowhere (its applications are then blocked)
              const mayGoNowhere = !report.targets.some((target) => target.id === step.id)
              return (
                <tr key={step.id} data-testid={`mapping-${step.id}`}>
                  <th scope="row">
                    {name}
                    <span className="migration__where"> · {where(step)}</span>
                  </th>
                  <td>
                    <select
                      className="migration__select"
                      aria-label={t('workflowMigration.mapping.selectAria', { step: name, version: report.toVersion })}
                      value={chosen}
                      onChange={(event) => onChange(step.id, event.target.value)}
                    >
                      {(chosen === '' || mayGoNowhere) && (
                        <option value="">{t('workflowMigration.mapping.none')}</option>
                      )}
                      {candidates.map((target) => (
                        <option key={target.id} value={target.id}>
                          {label(target, target.id)}
                          {target.branch ? ` · ${t('workflowMigration.mapping.branch', { branch: target.branch })}` : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** 试运行结果 / 迁移结果: every running application of the old version, where it waits, lands, and why not. */
function MigrationResult({ report, action }: { report: MigrationReport; action?: ReactNode }) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  const blocked = report.counts.blocked ?? 0
  const placements = (list: readonly MigrationPlacement[]) =>
    list.length === 0
      ? '—'
      : list.map((placement) => (
          <span key={placement.step} className="migration__placement">
            {placement.name ? `${names.text(placement.name)} (${placement.step})` : placement.step}
            {placement.correction && <> · {t('workflowMigration.result.correction')}</>}
          </span>
        ))

  return (
    <section aria-labelledby={`${id}-heading`} className="admin-section migration__result" data-testid="migration-result">
      <Typography.Title level={2} id={`${id}-heading`}>
        {report.dryRun ? t('workflowMigration.result.dryRunHeading') : t('workflowMigration.result.migrationHeading')}
      </Typography.Title>
      {report.applications.length === 0 ? (
        <Alert type="info" showIcon role="status" title={t('workflowMigration.result.none', { from: report.fromVersion })} data-testid="migration-summary" />
      ) : (
        <Alert
          type={report.dryRun ? 'info' : blocked === 0 ? 'success' : 'warning'}
          showIcon
          role="status"
          title={
            report.dryRun
              ? t('workflowMigration.result.summaryDryRun', {
                  from: report.fromVersion,
                  to: report.toVersion,
                  ready: report.counts.ready ?? 0,
                  blocked,
                })
              : t('workflowMigration.result.summaryMigrated', {
                  to: report.toVersion,
                  migrated: report.counts.migrated ?? 0,
                  blocked,
                })
          }
          data-testid="migration-summary"
        />
      )}
      {report.applications.length > 0 && (
        <div className="table-scroll">
          <table className="data-table migration__table" data-testid="migration-table">
            <caption className="visually-hidden">{t('workflowMigration.result.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workflowMigration.result.reference')}</th>
                <th scope="col">{t('workflowMigration.result.from')}</th>
                <th scope="col">{t('workflowMigration.result.to')}</th>
                <th scope="col">{t('workflowMigration.result.outcome')}</th>
                <th scope="col">{t('workflowMigration.result.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {report.applications.map((move: ApplicationMove) => (
                <tr key={move.instanceId} data-testid="migration-row">
                  <th scope="row">{move.reference ?? '—'}</th>
                  <td>{placements(move.from)}</td>
                  <td>{placements(move.to)}</td>
                  <td>
                    <span className={`migration__outcome migration__outcome--${move.outcome}`}>
                      {t(`workflowMigration.result.outcomes.${move.outcome}`)}
                    </span>
                  </td>
                  <td>
                    {move.blockers.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="migration__reasons">
                        {move.blockers.map((blocker, index) => (
                          <li key={`${blocker.code}-${index}`}>{blocker.message}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {action && <div className="migration__actions">{action}</div>}
    </section>
  )
}
