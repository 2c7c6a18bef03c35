import { CheckCircleOutlined, CloudUploadOutlined, FileTextOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Input, Popconfirm, Typography } from 'antd'
import type { TextAreaRef } from 'antd/es/input/TextArea'
import { useId, useRef, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/lib/api-client'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useNames } from '@/lib/names'
import { usePublishDefinition, useValidateDefinition } from '../api/definitions'
import { FILE_PATTERN, lineRange, publishProblems, suggestedFile } from '../lib'
import type { AdminService, DefinitionProblem } from '../types'
import { DefinitionProblems } from './DefinitionProblems'

type Outcome =
  | { kind: 'validated'; valid: boolean; problems: DefinitionProblem[] }
  | { kind: 'published'; service: AdminService; previousVersion: number | undefined }
  | { kind: 'publish-invalid'; title: string; problems: DefinitionProblem[] }
  | { kind: 'failed'; error: unknown }

/**
 * 校验与发布: a definition file, picked or pasted, checked by the backend (with line, place,
 * message and hint for every problem) and published as the service's next version.
 */
export function DefinitionUpload({ services }: { services: readonly AdminService[] | undefined }) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  const editor = useRef<TextAreaRef>(null)
  const [yaml, setYaml] = useState('')
  const [file, setFile] = useState('')
  const [fileTouched, setFileTouched] = useState(false)
  const [picked, setPicked] = useState<string>()
  const [readError, setReadError] = useState(false)
  const [checked, setChecked] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()
  const validate = useValidateDefinition()
  const publish = usePublishDefinition()

  const yamlError = checked && yaml.trim() === '' ? t('workflowAdmin.upload.yamlRequired') : undefined
  const fileError = !checked
    ? undefined
    : file.trim() === ''
      ? t('workflowAdmin.upload.fileRequired')
      : FILE_PATTERN.test(file.trim())
        ? undefined
        : t('workflowAdmin.upload.filePattern')

  const changeYaml = (text: string, fileName?: string) => {
    setYaml(text)
    setOutcome(undefined)
    if (!fileTouched) setFile(suggestedFile(text, fileName) ?? '')
  }

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    if (!chosen) return
    try {
      const text = await chosen.text()
      setReadError(false)
      setPicked(chosen.name)
      changeYaml(text, chosen.name)
    } catch {
      setReadError(true)
    }
  }

  const ready = () => {
    setChecked(true)
    return yaml.trim() !== '' && FILE_PATTERN.test(file.trim())
  }

  const runValidation = () => {
    if (!ready()) return
    setOutcome(undefined)
    validate.mutate(
      { file: file.trim(), yaml },
      {
        onSuccess: (result) =>
          setOutcome({ kind: 'validated', valid: result.valid, problems: result.problems }),
        onError: (error) => setOutcome({ kind: 'failed', error }),
      },
    )
  }

  const runPublish = () => {
    if (!ready()) return
    setOutcome(undefined)
    const code = /([^/]+)\.ya?ml$/.exec(file.trim())?.[1]
    const previousVersion = services?.find((service) => service.code === code)?.latestVersion
    publish.mutate(
      { file: file.trim(), yaml },
      {
        onSuccess: (service) => setOutcome({ kind: 'published', service, previousVersion }),
        onError: (error) => {
          const problems = publishProblems(error)
          if (problems) {
            const title =
              (isApiError(error) && typeof error.problem?.title === 'string' && error.problem.title) ||
              t('workflowAdmin.result.publishInvalid')
            setOutcome({ kind: 'publish-invalid', title, problems })
          } else {
            setOutcome({ kind: 'failed', error })
          }
        },
      },
    )
  }

  const goToLine = (line: number) => {
    const area = editor.current?.resizableTextArea?.textArea
    const range = lineRange(yaml, line)
    if (!area || !range) return
    area.focus()
    area.setSelectionRange(range[0], range[1])
    // Bring the line into view: about one line height per line.
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20
    area.scrollTop = Math.max(0, (line - 3) * lineHeight)
  }

  const busy = validate.isPending || publish.isPending

  let result
  if (outcome?.kind === 'validated') {
    const errors = outcome.problems.filter((problem) => problem.severity !== 'warning').length
    result = (
      <>
        {outcome.valid ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={
              outcome.problems.length === 0
                ? t('workflowAdmin.result.valid')
                : t('workflowAdmin.result.validWithWarnings', { count: outcome.problems.length })
            }
            data-testid="validation-valid"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('workflowAdmin.result.invalid', { count: errors || outcome.problems.length })}
            data-testid="validation-invalid"
          />
        )}
        <DefinitionProblems problems={outcome.problems} onGoToLine={goToLine} />
      </>
    )
  } else if (outcome?.kind === 'published') {
    const { service, previousVersion } = outcome
    const name = names.english ? service.nameEn || service.nameZh : service.nameZh
    const unchanged = previousVersion !== undefined && previousVersion === service.latestVersion
    result = (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined aria-hidden />}
        role="status"
        title={
          unchanged
            ? t('workflowAdmin.result.unchanged', { name, version: service.latestVersion })
            : t('workflowAdmin.result.published', { name, version: service.latestVersion })
        }
        description={t('workflowAdmin.result.publishedHint')}
        data-testid="publish-success"
      />
    )
  } else if (outcome?.kind === 'publish-invalid') {
    result = (
      <>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={outcome.title}
          description={t('workflowAdmin.result.invalid', { count: outcome.problems.length })}
          data-testid="publish-invalid"
        />
        <DefinitionProblems problems={outcome.problems} onGoToLine={goToLine} />
      </>
    )
  } else if (outcome?.kind === 'failed') {
    result = <ProblemAlert error={outcome.error} testId="definition-error" />
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="admin-section definition-upload" data-testid="definition-upload">
      <Typography.Title level={2} id={`${id}-heading`}>
        {t('workflowAdmin.upload.heading')}
      </Typography.Title>
      <Typography.Paragraph className="admin-section__hint">{t('workflowAdmin.upload.hint')}</Typography.Paragraph>

      <Form layout="vertical" component="div" className="definition-upload__form">
        <div className="definition-upload__picker">
          {/* The native input stays the control (keyboard, screen readers); the label is what
              people see, in the portal's language rather than the browser's. */}
          <input
            id={`${id}-pick`}
            className="definition-upload__input"
            type="file"
            accept=".yaml,.yml,application/yaml,text/yaml"
            onChange={(event) => void pick(event)}
            data-testid="definition-file-input"
          />
          <label htmlFor={`${id}-pick`} className="definition-upload__pick">
            <FileTextOutlined aria-hidden /> {t('workflowAdmin.upload.pick')}
          </label>
          {picked && (
            <p className="definition-upload__picked" role="status">
              {t('workflowAdmin.upload.picked', { name: picked })}
            </p>
          )}
          {readError && (
            <p className="definition-upload__read-error" role="alert">
              {t('workflowAdmin.upload.readError')}
            </p>
          )}
        </div>

        <Form.Item
          label={t('workflowAdmin.upload.yaml')}
          htmlFor={`${id}-yaml`}
          required
          validateStatus={yamlError ? 'error' : undefined}
          help={yamlError}
        >
          <Input.TextArea
            id={`${id}-yaml`}
            ref={editor}
            className="definition-upload__yaml"
            value={yaml}
            onChange={(event) => changeYaml(event.target.value)}
            rows={14}
            spellCheck={false}
            placeholder={t('workflowAdmin.upload.yamlPlaceholder')}
            data-testid="definition-yaml"
          />
        </Form.Item>

        <Form.Item
          label={t('workflowAdmin.upload.file')}
          htmlFor={`${id}-file`}
          required
          extra={t('workflowAdmin.upload.fileHint')}
          validateStatus={fileError ? 'error' : undefined}
          help={fileError}
        >
          <Input
            id={`${id}-file`}
            value={file}
            onChange={(event) => {
              setFileTouched(true)
              setFile(event.target.value)
            }}
            spellCheck={false}
            autoComplete="off"
            placeholder="enterprise/food-business-licence.yaml"
            className="definition-upload__file"
            data-testid="definition-file"
          />
        </Form.Item>

        <div className="definition-upload__actions">
          <Button
            icon={<SafetyCertificateOutlined aria-hidden />}
            onClick={runValidation}
            loading={validate.isPending}
            disabled={busy && !validate.isPending}
            data-testid="validate-button"
          >
            {t('workflowAdmin.upload.validate')}
          </Button>
          <Popconfirm
            title={t('workflowAdmin.upload.publishConfirm')}
            description={t('workflowAdmin.upload.publishConfirmBody')}
            okText={t('workflowAdmin.upload.publishOk')}
            cancelText={t('workflowAdmin.upload.cancel')}
            onConfirm={runPublish}
            disabled={busy}
          >
            <Button
              type="primary"
              icon={<CloudUploadOutlined aria-hidden />}
              loading={publish.isPending}
              disabled={busy && !publish.isPending}
              data-testid="publish-button"
            >
              {t('workflowAdmin.upload.publish')}
            </Button>
          </Popconfirm>
        </div>
      </Form>

      <div className="definition-upload__result" data-testid="definition-result">
        {result}
      </div>
    </section>
  )
}
