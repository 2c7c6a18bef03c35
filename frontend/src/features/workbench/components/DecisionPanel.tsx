import { Button, Checkbox, Form, Input, Radio, Select, Typography } from 'antd'
import type { CheckboxGroupProps } from 'antd/es/checkbox'
import type { ParseKeys } from 'i18next'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/lib/api-client'
import { useDecide } from '../api/decide'
import { useAssignees } from '../api/reassign-task'
import { fieldLabel } from '../lib/form-fields'
import { useNames } from '../lib/names'
import type { Decision, DecisionAction, ServiceWithForm, TaskView } from '../types'
import { ProblemAlert } from '@/components/ProblemAlert'

/**
 * The checkboxes of the correction items. Form.Item marks its control aria-required and
 * aria-invalid, which a role="group" may not carry; the error stays linked by aria-describedby.
 */
function ItemsGroup(props: CheckboxGroupProps<string>) {
  const groupProps: CheckboxGroupProps<string> & Record<string, unknown> = { ...props }
  delete groupProps['aria-required']
  delete groupProps['aria-invalid']
  return <Checkbox.Group<string> {...groupProps} />
}

interface Values {
  action?: DecisionAction
  reason?: string
  items?: string[]
  target?: string
  assignee?: string
}

const SUBMIT: Record<DecisionAction, ParseKeys> = {
  approve: 'workbench.decision.submit.approve',
  reject: 'workbench.decision.submit.reject',
  correction: 'workbench.decision.submit.correction',
  return: 'workbench.decision.submit.return',
}

const REASON_HINT: Record<DecisionAction, ParseKeys> = {
  approve: 'workbench.decision.hints.approve',
  reject: 'workbench.decision.hints.reject',
  correction: 'workbench.decision.hints.correction',
  return: 'workbench.decision.hints.return',
}

/** What the backend expects for the chosen action, and nothing else. */
export function decisionBody(values: Values): Decision {
  const action = values.action ?? 'approve'
  const reason = values.reason?.trim()
  switch (action) {
    case 'approve':
      return {
        action,
        ...(reason ? { reason } : {}),
        ...(values.assignee ? { assignee: values.assignee } : {}),
      }
    case 'reject':
      return { action, reason: reason ?? '' }
    case 'correction':
      return { action, items: values.items ?? [], reason: reason ?? '' }
    case 'return':
      return { action, target: values.target ?? '', reason: reason ?? '' }
  }
}

/**
 * 办理决定: approve; reject (reason); request a correction (which answers, and why); return to an
 * earlier step (which, and why). Only the actions this step allows are offered.
 */
export function DecisionPanel({
  view,
  service,
  onDecided,
  onReload,
}: {
  view: TaskView
  service: ServiceWithForm | undefined
  onDecided: (action: DecisionAction) => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const id = useId()
  const [form] = Form.useForm<Values>()
  const action = Form.useWatch('action', form)
  const { task } = view
  const decide = useDecide(task.instanceId, task.step)
  const assignees = useAssignees(task, Boolean(view.assignsNext) && action === 'approve')

  const actions: DecisionAction[] = [
    'approve',
    'reject',
    ...(view.correctionAllowed ? (['correction'] as const) : []),
    ...(view.returnTargets.length > 0 ? (['return'] as const) : []),
  ]

  const submit = (values: Values) => {
    const body = decisionBody(values)
    decide.mutate(body, { onSuccess: () => onDecided(body.action) })
  }

  // Someone else acted first or holds the claim: a fresh look at the task is what helps.
  const conflict = isApiError(decide.error, 409)

  return (
    <section aria-labelledby={id} className="task-section decision-panel" data-testid="decision-panel">
      <Typography.Title level={2} id={id}>
        {t('workbench.decision.heading')}
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => decide.isError && decide.reset()}
        requiredMark
        aria-labelledby={id}
        data-testid="decision-form"
      >
        <Form.Item
          name="action"
          label={<span id={`${id}-action`}>{t('workbench.decision.action')}</span>}
          rules={[{ required: true, message: t('workbench.decision.actionRequired') }]}
        >
          <Radio.Group
            aria-labelledby={`${id}-action`}
            className="decision-actions"
            options={actions.map((each) => ({
              value: each,
              label: t(`workbench.decision.actions.${each}`),
            }))}
            data-testid="decision-action"
          />
        </Form.Item>

        {action === 'correction' && (
          <Form.Item
            name="items"
            label={<span id={`${id}-items`}>{t('workbench.decision.items')}</span>}
            rules={[
              {
                required: true,
                type: 'array',
                min: 1,
                message: t('workbench.decision.itemsRequired'),
              },
            ]}
          >
            <ItemsGroup
              aria-labelledby={`${id}-items`}
              className="decision-items"
              options={[
                ...view.visibleFields.map((field) => ({
                  value: field,
                  label: fieldLabel(service?.formSchema, field),
                })),
                // a document can be asked for again too: the applicant then replaces only it
                ...(view.materials ?? []).map((material) => ({
                  value: `materials.${material.code}`,
                  label: t('workbench.decision.materialItem', {
                    name: names.text({ zh: material.name.zh, en: material.name.en ?? '' }),
                  }),
                })),
              ]}
              data-testid="correction-items"
            />
          </Form.Item>
        )}

        {action === 'return' && (
          <Form.Item
            name="target"
            label={<span id={`${id}-target`}>{t('workbench.decision.target')}</span>}
            rules={[{ required: true, message: t('workbench.decision.targetRequired') }]}
          >
            {/* The earlier steps are few: all of them in view, no dropdown to open. */}
            <Radio.Group
              aria-labelledby={`${id}-target`}
              className="decision-actions"
              options={view.returnTargets.map((target) => ({
                value: target,
                label: names.step(service, target),
              }))}
              data-testid="return-target"
            />
          </Form.Item>
        )}

        {action === 'approve' && view.assignsNext && (
          <Form.Item
            name="assignee"
            label={<span id={`${id}-assignee`}>{t('workbench.decision.assignee')}</span>}
            extra={t('workbench.decision.assigneeHint')}
            rules={[{ required: true, message: t('workbench.decision.assigneeRequired') }]}
          >
            <Select
              aria-labelledby={`${id}-assignee`}
              showSearch={{ optionFilterProp: 'label' }}
              loading={assignees.isPending}
              placeholder={t('workbench.decision.assigneePlaceholder')}
              notFoundContent={assignees.isPending ? undefined : t('workbench.decision.noAssignees')}
              options={(assignees.data ?? []).map((official) => ({
                value: official.subject,
                label: official.username ? `${official.displayName}（${official.username}）` : official.displayName,
              }))}
              data-testid="decision-assignee"
            />
          </Form.Item>
        )}

        {action && (
          <Form.Item
            // One field for every action: switching keeps what was typed, and it stays in view.
            name="reason"
            label={
              action === 'approve' ? t('workbench.decision.comment') : t('workbench.decision.reason')
            }
            extra={t(REASON_HINT[action])}
            rules={
              action === 'approve'
                ? []
                : [{ required: true, whitespace: true, message: t('workbench.decision.reasonRequired') }]
            }
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="decision-reason" />
          </Form.Item>
        )}

        {decide.isError && (
          <ProblemAlert
            error={decide.error}
            testId="decision-error"
            action={
              conflict ? (
                <Button size="small" onClick={onReload}>
                  {t('workbench.decision.reload')}
                </Button>
              ) : undefined
            }
          />
        )}

        <Button
          type="primary"
          htmlType="submit"
          danger={action === 'reject'}
          loading={decide.isPending}
          className="decision-panel__submit"
          data-testid="decision-submit"
        >
          {action ? t(SUBMIT[action]) : t('workbench.decision.submit.none')}
        </Button>
      </Form>
    </section>
  )
}
