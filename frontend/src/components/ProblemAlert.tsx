import { Alert } from 'antd'
import type { ReactNode } from 'react'
import { useProblemMessage } from '@/lib/problem'

/** A failed call explained: the server's localized title and detail, and any field messages. */
export function ProblemAlert({
  error,
  action,
  onClose,
  testId = 'problem',
}: {
  error: unknown
  action?: ReactNode
  onClose?: () => void
  testId?: string
}) {
  const describe = useProblemMessage()
  const problem = describe(error)
  const description =
    problem.detail || problem.errors.length > 0 ? (
      <>
        {problem.detail && <p className="problem__detail">{problem.detail}</p>}
        {problem.errors.length > 0 && (
          <ul className="problem__errors">
            {problem.errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </>
    ) : undefined
  return (
    <Alert
      className="problem"
      type={problem.status === 409 ? 'warning' : 'error'}
      showIcon
      role="alert"
      title={problem.title}
      description={description}
      action={action}
      closable={onClose ? { onClose } : undefined}
      data-testid={testId}
      data-status={problem.status}
    />
  )
}
