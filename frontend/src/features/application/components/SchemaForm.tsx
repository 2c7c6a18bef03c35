import Form from '@rjsf/antd'
import {
  ariaDescribedByIds,
  descriptionId,
  englishStringTranslator,
  errorId,
  TranslatableString,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type RJSFSchema,
  type UiSchema,
  type WidgetProps,
} from '@rjsf/utils'
import { Input } from 'antd'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorTree } from '../lib/problems'
import type { FormSchema } from '../lib/schema'
import { buildUiSchema, type LockedNotes } from '../lib/ui-schema'
import { FORM_DEFAULTS, formValidator } from '../lib/validation'
import type { FieldProblem, FormData } from '../types'
import '../application.css'

/** What the templates need to know about the page being shown. */
interface PageContext {
  /** The top-level questions on this page, in order; the others are not shown. */
  fields: readonly string[]
  /** The page is one group (a top-level object): its title is the page's heading already. */
  groupPage: boolean
  optionalSuffix: string
}

type Props<P> = P & { registry: { formContext?: unknown } }

function contextOf<P>(props: Props<P>): PageContext {
  return props.registry.formContext as PageContext
}

/**
 * One question: a label (or, for radios and checkboxes, a fieldset with a legend), the hint, the
 * error message, then the control. Hints and errors carry the ids rjsf's widgets point
 * aria-describedby at. Optional questions say so; required ones are the norm.
 */
function FieldTemplate(props: FieldTemplateProps<FormData, RJSFSchema>) {
  const { id, label, required, rawErrors, rawDescription, children, hidden, displayLabel, uiSchema } =
    props
  const { optionalSuffix } = contextOf(props)
  if (hidden) return <div hidden>{children}</div>

  const widget = uiSchema?.['ui:widget']
  const errors = [...new Set(rawErrors ?? [])]
  const hint = rawDescription ? (
    <p id={descriptionId(id)} className="form-field__hint">
      {rawDescription}
    </p>
  ) : null
  const error =
    errors.length > 0 ? (
      <p id={errorId(id)} className="form-field__error">
        {errors.join(' ')}
      </p>
    ) : null
  const className = `form-field${errors.length > 0 ? ' form-field--error' : ''}`
  const text = `${label}${required ? '' : optionalSuffix}`
  const describedBy =
    [error ? errorId(id) : '', hint ? descriptionId(id) : ''].filter(Boolean).join(' ') || undefined

  if (widget === 'radio' || widget === 'checkboxes') {
    return (
      <fieldset className={className} aria-describedby={describedBy}>
        <legend className="form-field__label">{text}</legend>
        {hint}
        {error}
        {children}
      </fieldset>
    )
  }
  if (!displayLabel || widget === 'checkbox') {
    return (
      <div className={className}>
        {hint}
        {error}
        {children}
      </div>
    )
  }
  return (
    <div className={className}>
      <label htmlFor={id} className="form-field__label">
        {text}
      </label>
      {hint}
      {error}
      {children}
    </div>
  )
}

/**
 * The root shows only this page's questions; a group (a nested object) is a fieldset whose
 * legend names it.
 */
function ObjectFieldTemplate(props: ObjectFieldTemplateProps<FormData, RJSFSchema>) {
  const { properties, title, fieldPathId } = props
  const { fields, groupPage } = contextOf(props)
  if (fieldPathId.$id === 'root') {
    return (
      <>
        {fields.map((name) => {
          const property = properties.find((candidate) => candidate.name === name)
          return property && !property.hidden ? <div key={name}>{property.content}</div> : null
        })}
      </>
    )
  }
  const topLevel = fieldPathId.path.length === 1
  return (
    <fieldset className="form-group" id={fieldPathId.$id}>
      <legend className={topLevel && groupPage ? 'visually-hidden' : 'form-group__legend'}>
        {title}
      </legend>
      {properties.map((property) => (property.hidden ? null : <div key={property.name}>{property.content}</div>))}
    </fieldset>
  )
}

/** A date as the browser's own date field: typed or picked, always yyyy-mm-dd. */
function DateWidget({ id, htmlName, value, onChange, onBlur, onFocus, readonly, disabled }: WidgetProps) {
  return (
    <Input
      type="date"
      id={id}
      name={htmlName || id}
      className="form-field__date"
      value={typeof value === 'string' ? value : ''}
      readOnly={readonly}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value || undefined)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  )
}

/**
 * An answer from the verified identity or a department's record: readable, selectable, not
 * changeable; a choice shows its title, not its code.
 */
function PrefilledWidget({ id, htmlName, value, options }: WidgetProps) {
  const choice = options.enumOptions?.find((option) => option.value === value)
  const shown = choice ? choice.label : value === undefined || value === null ? '' : String(value)
  return (
    <Input
      id={id}
      name={htmlName || id}
      value={shown}
      readOnly
      className="form-field__prefilled"
      aria-describedby={ariaDescribedByIds(id)}
      data-testid="prefilled-field"
    />
  )
}

const widgets = { DateWidget, prefilled: PrefilledWidget }
const templates = { FieldTemplate, ObjectFieldTemplate }

/**
 * The questions of one page, rendered from the service's JSON Schema by rjsf with antd widgets.
 * rjsf's own validation is off: the pages check the answers themselves (the same schema, with
 * plain-language messages) and pass those, or the backend's, in as `problems`.
 */
export function SchemaForm({
  schema,
  fields,
  groupPage = false,
  formData,
  prefilled,
  locked,
  problems,
  onChange,
  onSubmit,
  formId,
  children,
}: {
  schema: FormSchema
  fields: readonly string[]
  groupPage?: boolean
  formData: FormData
  prefilled: readonly string[]
  /** Answers given by agreed shared records (dotted paths), with the note saying where from. */
  locked?: LockedNotes
  problems: readonly FieldProblem[]
  onChange: (data: FormData) => void
  onSubmit: () => void
  formId: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const uiSchema = useMemo(
    () => buildUiSchema(t, schema, prefilled, locked) as UiSchema<FormData, RJSFSchema>,
    [t, schema, prefilled, locked],
  )
  const formContext = useMemo<PageContext>(
    () => ({ fields, groupPage, optionalSuffix: t('application.wizard.optional') }),
    [fields, groupPage, t],
  )
  const extraErrors = useMemo(() => errorTree(problems), [problems])
  const translateString = useMemo(() => {
    const own: Partial<Record<TranslatableString, string>> = {
      [TranslatableString.AddItemButton]: t('application.wizard.form.add'),
      [TranslatableString.AddButton]: t('application.wizard.form.add'),
      [TranslatableString.RemoveButton]: t('application.wizard.form.remove'),
      [TranslatableString.MoveUpButton]: t('application.wizard.form.moveUp'),
      [TranslatableString.MoveDownButton]: t('application.wizard.form.moveDown'),
      [TranslatableString.CopyButton]: t('application.wizard.form.copy'),
      [TranslatableString.EmptyArray]: t('application.wizard.form.empty'),
      [TranslatableString.YesLabel]: t('application.wizard.form.yes'),
      [TranslatableString.NoLabel]: t('application.wizard.form.no'),
      [TranslatableString.ClearLabel]: t('application.wizard.form.clear'),
      [TranslatableString.ClearButton]: t('application.wizard.form.clear'),
    }
    return (key: TranslatableString, params?: string[]) =>
      own[key] ?? englishStringTranslator(key, params)
  }, [t])

  return (
    <Form
      id={formId}
      className="schema-form"
      schema={schema as RJSFSchema}
      uiSchema={uiSchema}
      formData={formData}
      validator={formValidator}
      widgets={widgets}
      templates={templates}
      formContext={formContext}
      translateString={translateString}
      extraErrors={extraErrors as never}
      experimental_defaultFormStateBehavior={FORM_DEFAULTS}
      noValidate
      noHtml5Validate
      showErrorList={false}
      onChange={(event) => onChange(event.formData ?? {})}
      onSubmit={() => onSubmit()}
    >
      {children}
    </Form>
  )
}
