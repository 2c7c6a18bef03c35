import { Button, Typography } from 'antd'
import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '@/lib/localize'
import type { Material } from '@/lib/catalog/types'
import { isApiError } from '@/lib/api-client'
import { attachmentPath, useDeleteAttachment, useUploadAttachment } from '../api/attachments'
import { useFormat } from '../lib/format'
import { sourceOfMaterial, useSourceNote } from '../lib/shared'
import type { ApplicationView, Attachment, FieldProblem } from '../types'

/** The file extensions a material accepts, for the file picker (jpg also means jpeg). */
function extensions(material: Material): string[] {
  return material.formats.flatMap((format) => {
    const extension = `.${format.toLowerCase()}`
    return format.toLowerCase() === 'jpg' ? [extension, '.jpeg'] : [extension]
  })
}

/** The server's own words for a refused file (wrong type, too large, …), or ours. */
function uploadProblem(error: unknown, fallback: string): string {
  if (isApiError(error) && typeof error.problem?.detail === 'string' && error.problem.detail) {
    return error.problem.detail
  }
  return fallback
}

/** One material: what it is, what is uploaded, and a file picker to add one. */
export function MaterialUpload({
  application,
  material,
  error,
  headingLevel = 2,
}: {
  application: ApplicationView
  material: Material
  error?: string
  headingLevel?: 2 | 3 | 4
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const format = useFormat()
  const upload = useUploadAttachment(application.id)
  const remove = useDeleteAttachment(application.id)
  const [message, setMessage] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | undefined>()
  const name = localize.text(material.name)
  const inputId = `material-${material.code}`
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const formats = localize.list(material.formats.map((f) => f.toUpperCase()))
  const files = (application.attachments ?? []).filter((file) => file.materialCode === material.code)
  const shownError = problem ?? error
  const Heading = `h${headingLevel}` as const

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    setMessage(undefined)
    setProblem(undefined)
    const extension = `.${file.name.split('.').pop()?.toLowerCase() ?? ''}`
    if (!extensions(material).includes(extension)) {
      setProblem(t('application.materials.wrongFormat', { name: file.name, formats }))
      return
    }
    if (file.size > material.maxSizeMb * 1024 * 1024) {
      setProblem(t('application.materials.tooLarge', { name: file.name, size: material.maxSizeMb }))
      return
    }
    setMessage(t('application.materials.uploading', { name: file.name }))
    try {
      const attached = await upload.mutateAsync({ material: material.code, file })
      setMessage(t('application.materials.uploaded', { name: attached.fileName }))
    } catch (failure) {
      setMessage(undefined)
      setProblem(uploadProblem(failure, t('application.materials.uploadFailed')))
    }
  }

  const onRemove = async (file: Attachment) => {
    setProblem(undefined)
    try {
      await remove.mutateAsync(file.id)
      setMessage(t('application.materials.removed', { name: file.fileName }))
    } catch {
      setProblem(t('application.materials.removeFailed'))
    }
  }

  return (
    <li
      className={`material${shownError ? ' form-field--error' : ''}`}
      data-testid={`material-${material.code}`}
    >
      <Heading className="material__name">
        {name}{' '}
        <span className={material.required ? 'badge badge--required' : 'badge'}>
          {material.required ? t('application.materials.required') : t('application.materials.optional')}
        </span>
      </Heading>
      <p className="material__hint" id={hintId}>
        {t('application.materials.hint', { formats, size: material.maxSizeMb })}
      </p>
      {shownError && (
        <p className="form-field__error" id={errorId}>
          {shownError}
        </p>
      )}
      {files.length > 0 ? (
        <ul className="material__files" aria-label={t('application.materials.files')}>
          {files.map((file) => (
            <li key={file.id} className="material__file" data-testid="uploaded-file">
              <a href={attachmentPath(application.id, file.id)} download={file.fileName}>
                {file.fileName}
              </a>
              <span className="material__size">{format.bytes(file.sizeBytes)}</span>
              <Button
                size="small"
                onClick={() => void onRemove(file)}
                loading={remove.isPending && remove.variables === file.id}
                aria-label={t('application.materials.removeFile', { name: file.fileName })}
              >
                {t('application.materials.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="material__none">{t('application.materials.none')}</p>
      )}
      <label htmlFor={inputId} className="form-field__label">
        {t('application.materials.choose')}
        <span className="visually-hidden">{name}</span>
      </label>
      <input
        type="file"
        id={inputId}
        className="file-input"
        accept={extensions(material).join(',')}
        aria-describedby={[shownError ? errorId : '', hintId].filter(Boolean).join(' ')}
        disabled={upload.isPending}
        onChange={(event) => void onFile(event)}
        data-testid={`file-input-${material.code}`}
      />
      <p role="status" className="material__status">
        {message}
      </p>
    </li>
  )
}

/** A material a department's record stands in for (免提交): nothing to upload, and where it comes from. */
export function SharedMaterial({
  material,
  note,
  headingLevel = 2,
}: {
  material: Material
  note: string
  headingLevel?: 2 | 3 | 4
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const Heading = `h${headingLevel}` as const
  return (
    <li className="material material--shared" data-testid={`material-${material.code}`}>
      <Heading className="material__name">
        {localize.text(material.name)} <span className="badge badge--shared">{t('application.shared.noUpload')}</span>
      </Heading>
      <p className="material__hint" data-testid="shared-material-note">
        {note}
      </p>
    </li>
  )
}

/**
 * The documents page: one upload per material, then on to checking the answers; a material
 * that an agreed record stands in for asks for nothing.
 */
export function MaterialsStep({
  application,
  materials,
  onProblems,
  onContinue,
}: {
  application: ApplicationView
  materials: readonly Material[]
  onProblems: (problems: FieldProblem[]) => void
  onContinue: () => void
}) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const note = useSourceNote()
  const [missing, setMissing] = useState<FieldProblem[]>([])
  const attached = new Set((application.attachments ?? []).map((file) => file.materialCode))
  const satisfied = new Set(application.satisfiedMaterials ?? [])

  const onNext = () => {
    const found = materials
      .filter((material) => material.required && !attached.has(material.code) && !satisfied.has(material.code))
      .map((material) => ({
        field: `materials.${material.code}`,
        message: t('application.errors.material', { name: localize.text(material.name) }),
      }))
    setMissing(found)
    onProblems(found)
    if (found.length === 0) onContinue()
  }

  return (
    <>
      <Typography.Paragraph className="page-lead">{t('application.materials.lead')}</Typography.Paragraph>
      <ul className="materials-list" data-testid="materials-list">
        {materials.map((material) => {
          const source = sourceOfMaterial(application, material.code)
          if (source) return <SharedMaterial key={material.code} material={material} note={note(source)} />
          return (
            <MaterialUpload
              key={material.code}
              application={application}
              material={material}
              error={
                attached.has(material.code)
                  ? undefined
                  : missing.find((problem) => problem.field === `materials.${material.code}`)?.message
              }
            />
          )
        })}
      </ul>
      <div className="apply__actions">
        <Button type="primary" size="large" onClick={onNext} data-testid="continue-button">
          {t('application.materials.continue')}
        </Button>
      </div>
    </>
  )
}
