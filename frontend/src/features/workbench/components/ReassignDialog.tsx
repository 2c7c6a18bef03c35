import type { ButtonProps } from 'antd'
import { Alert, Input, Modal, Radio, Space, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCandidates, useReassign } from '../api/reassign-task'
import { useNames } from '../lib/names'
import type { TaskItem } from '../types'
import { Loading } from '@/components/PageStates'
import { ProblemAlert } from '@/components/ProblemAlert'

/** The radio value that gives the step back to the queue instead of to a person. */
const QUEUE = ''

/**
 * 改派: a department admin gives a step to another official of the department who handles it, with
 * an optional reason for them. Only people the person directory knows can be chosen (they signed in
 * at least once); the dialog says so, because a colleague who never signed in is simply missing.
 */
export function ReassignDialog({
  task,
  open,
  onClose,
  onDone,
}: {
  task: TaskItem
  open: boolean
  onClose: () => void
  /** After a successful reassignment, with a sentence saying what happened. */
  onDone: (message: string) => void
}) {
  const { t } = useTranslation()
  const names = useNames()
  const legendId = useId()
  const reasonId = useId()
  const candidates = useCandidates(task, open)
  const reassign = useReassign()
  const [choice, setChoice] = useState<string | undefined>()
  const [reason, setReason] = useState('')
  const [missingChoice, setMissingChoice] = useState(false)
  const number = task.applicationNumber ?? task.instanceId
  const holder = task.claimedBy ? (task.claimedByName ?? t('workbench.claim.other')) : undefined

  const close = () => {
    setChoice(undefined)
    setReason('')
    setMissingChoice(false)
    reassign.reset()
    onClose()
  }

  const submit = () => {
    if (choice === undefined) {
      setMissingChoice(true)
      return
    }
    const clerk = choice === QUEUE ? null : choice
    const chosen = candidates.data?.find((candidate) => candidate.subject === clerk)
    reassign.mutate(
      { task, reassignment: { clerk, reason: reason.trim() || undefined } },
      {
        onSuccess: (item) => {
          const name = item.claimedByName ?? chosen?.displayName ?? ''
          close()
          onDone(clerk ? t('reassign.done', { number, name }) : t('reassign.doneQueue', { number }))
        },
      },
    )
  }

  const others = (candidates.data ?? []).filter((candidate) => !candidate.holdsTask)

  return (
    <Modal
      open={open}
      title={t('reassign.title')}
      onCancel={close}
      onOk={submit}
      okText={t('reassign.submit')}
      cancelText={t('reassign.cancel')}
      confirmLoading={reassign.isPending}
      okButtonProps={{ disabled: candidates.isPending, 'data-testid': 'reassign-submit' } as ButtonProps}
      destroyOnHidden
      data-testid="reassign-dialog"
    >
      <Typography.Paragraph>
        {t('reassign.intro', { number, step: names.taskStep(task) })}
      </Typography.Paragraph>
      <Typography.Paragraph strong>
        {holder ? t('reassign.currentHolder', { name: holder }) : t('reassign.nobodyHolds')}
      </Typography.Paragraph>

      {candidates.isPending ? (
        <Loading inline label={t('reassign.loadingCandidates')} />
      ) : candidates.isError ? (
        <ProblemAlert error={candidates.error} testId="candidates-error" />
      ) : (
        <fieldset className="reassign__choices" aria-describedby={`${legendId}-hint`}>
          <legend id={legendId} className="reassign__legend">
            {t('reassign.chooseLegend')}
          </legend>
          <Radio.Group
            value={choice}
            onChange={(event) => {
              setChoice(event.target.value as string)
              setMissingChoice(false)
            }}
            aria-labelledby={legendId}
          >
            <Space orientation="vertical">
              {(candidates.data ?? []).map((candidate) => (
                <Radio
                  key={candidate.subject}
                  value={candidate.subject}
                  disabled={candidate.holdsTask}
                  data-testid={`candidate-${candidate.username ?? candidate.subject}`}
                >
                  {candidate.displayName}
                  {candidate.username && <span className="reassign__username"> ({candidate.username})</span>}
                  {candidate.holdsTask && <span className="reassign__holder"> — {t('reassign.holdsNow')}</span>}
                </Radio>
              ))}
              {task.claimedBy && (
                <Radio value={QUEUE} data-testid="candidate-queue">
                  {t('reassign.backToQueue')}
                </Radio>
              )}
            </Space>
          </Radio.Group>
          <p id={`${legendId}-hint`} className="reassign__hint">
            {others.length === 0 ? t('reassign.noCandidates') + ' ' : ''}
            {t('reassign.onlySignedIn')}
          </p>
        </fieldset>
      )}

      <label htmlFor={reasonId} className="reassign__label">
        {t('reassign.reasonLabel')}
      </label>
      <Input.TextArea
        id={reasonId}
        value={reason}
        maxLength={500}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder={t('reassign.reasonPlaceholder')}
        onChange={(event) => setReason(event.target.value)}
        data-testid="reassign-reason"
      />

      {missingChoice && (
        <Alert className="reassign__alert" type="error" showIcon role="alert" title={t('reassign.chooseFirst')} />
      )}
      {reassign.isError && <ProblemAlert error={reassign.error} testId="reassign-error" />}
    </Modal>
  )
}
