import type { Me } from '@/lib/auth'
import { catalogHandlers, foodLicenceDetail } from '@/testing/catalog-fixtures'
import {
  json,
  marketRegulation,
  problem,
  type Handlers,
  type Responder,
} from '@/testing/test-utils'
import type { HistoryEntry, Queue, QueueLight, ServiceWithForm, TaskItem, TaskView } from '../types'

const HOUR = 60 * 60_000
const DAY = 24 * HOUR

const COLLEAGUE = '5b1f0000-0000-4000-8000-00000000c1e2'

/** The food business licence's guidance with its form's schema and its review step. */
export const foodLicenceWithForm: ServiceWithForm = {
  ...foodLicenceDetail,
  steps: [
    ...foodLicenceDetail.steps.slice(0, 3),
    {
      id: 'review',
      name: { zh: '审查决定', en: 'Review and decision' },
      type: 'task',
      department: marketRegulation,
      timeLimitWorkingDays: 3,
    },
    ...foodLicenceDetail.steps.slice(3),
  ],
  formSchema: {
    properties: {
      enterpriseName: { type: 'string', title: '企业名称', 'x-title': { 'en-US': 'Business name' } },
      uscc: { type: 'string', title: '统一社会信用代码', 'x-title': { 'en-US': 'Unified social credit code' } },
      premisesAddress: { type: 'string', title: '经营场所地址', 'x-title': { 'en-US': 'Address of the premises' } },
      businessArea: { type: 'number', title: '经营场所面积（平方米）', 'x-title': { 'en-US': 'Floor area of the premises (square metres)' } },
      businessEntityType: {
        type: 'string',
        title: '主体业态',
        'x-title': { 'en-US': 'Type of food business' },
        oneOf: [
          { const: 'food-retail', title: '食品销售经营者', 'x-title': { 'en-US': 'Food retailer' } },
          { const: 'catering', title: '餐饮服务经营者', 'x-title': { 'en-US': 'Restaurant or catering business' } },
        ],
      },
      businessItems: {
        type: 'array',
        title: '经营项目',
        'x-title': { 'en-US': 'Business activities' },
        items: {
          type: 'string',
          oneOf: [
            { const: 'hot-food', title: '热食类食品制售', 'x-title': { 'en-US': 'Preparing and selling hot food' } },
            { const: 'drinks', title: '自制饮品制售', 'x-title': { 'en-US': 'Making and selling freshly made drinks' } },
          ],
        },
      },
      onlineSales: { type: 'boolean', title: '是否通过网络经营', 'x-title': { 'en-US': 'Do you sell online?' } },
    },
  },
}

function task(
  instanceId: string,
  number: string,
  applicant: string,
  light: QueueLight,
  dueInMs: number,
  step = 'acceptance',
): TaskItem {
  const names: Record<string, [string, string]> = {
    acceptance: ['受理', 'Acceptance'],
    review: ['审查决定', 'Review and decision'],
  }
  const [zh, en] = names[step] ?? [step, step]
  return {
    instanceId,
    step,
    stepNameZh: zh,
    stepNameEn: en,
    department: 'market-regulation',
    serviceCode: 'food-business-licence',
    applicationNumber: number,
    applicantName: applicant,
    activatedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    dueAt: new Date(Date.now() + dueInMs).toISOString(),
    light,
    claimedBy: null,
    claimedByMe: false,
  }
}

/** The queue as the backend sorts it: by deadline, the overdue first. */
export function queueItems(): TaskItem[] {
  return [
    task('inst-red', 'TB-2026-000101', '王五餐饮有限公司', 'RED', -(2 * DAY + HOUR)),
    task('inst-yellow', 'TB-2026-000102', '李四小吃店', 'YELLOW', 5 * HOUR),
    task('inst-green', 'TB-2026-000103', '张三食品商行', 'GREEN', 3 * DAY + HOUR, 'review'),
  ]
}

export const history: HistoryEntry[] = [
  {
    sequence: 1,
    step: null,
    action: 'start',
    actor: '9c1f4c1e-0000-4000-8000-000000000003',
    actorDepartment: null,
    reason: null,
    at: '2026-03-02T01:00:00Z',
  },
  {
    sequence: 2,
    step: 'acceptance',
    action: 'correct',
    actor: COLLEAGUE,
    actorDepartment: 'market-regulation',
    reason: '平面图不清晰',
    items: ['premisesAddress', 'businessArea'],
    at: '2026-03-02T03:00:00Z',
  },
  {
    sequence: 3,
    step: 'acceptance',
    action: 'resubmit',
    actor: '9c1f4c1e-0000-4000-8000-000000000003',
    actorDepartment: null,
    reason: null,
    at: '2026-03-03T02:00:00Z',
  },
  {
    sequence: 4,
    step: 'review',
    action: 'return',
    actor: COLLEAGUE,
    actorDepartment: 'market-regulation',
    reason: '经营项目与面积不符，请重新受理',
    target: 'acceptance',
    at: '2026-03-04T02:00:00Z',
  },
]

/** The red task opened: the applicant's data this step may see, and more it may not. */
export function taskView(item: TaskItem, overrides: Partial<TaskView> = {}): TaskView {
  return {
    task: item,
    visibleFields: ['enterpriseName', 'premisesAddress', 'businessArea', 'businessEntityType', 'businessItems', 'onlineSales'],
    visibleData: {
      enterpriseName: '王五餐饮有限公司',
      premisesAddress: '北京市东城区示范路 1 号',
      businessArea: 620,
      businessEntityType: 'catering',
      businessItems: ['hot-food', 'drinks'],
      onlineSales: false,
    },
    returnTargets: item.step === 'review' ? ['acceptance'] : [],
    correctionAllowed: item.step === 'acceptance',
    parallelProgress: [],
    history,
    ...overrides,
  }
}

export interface FakeWorkbench {
  items: TaskItem[]
  handlers: Handlers
  /** Each request the fake answered, in order. */
  requests: { method: string; url: string; body: unknown }[]
}

function body(init?: RequestInit): unknown {
  if (typeof init?.body !== 'string') return undefined
  try {
    return JSON.parse(init.body) as unknown
  } catch {
    return init.body
  }
}

/**
 * A fake of the workbench API over `items`, remembering claims, plus the catalogue (with the
 * form schema). `override` replaces an answer by path.
 */
export function fakeWorkbench(
  me: Me,
  options: {
    items?: TaskItem[]
    views?: Record<string, TaskView>
    override?: Record<string, Responder>
  } = {},
): FakeWorkbench {
  const items = options.items ?? queueItems()
  const requests: FakeWorkbench['requests'] = []
  const record = (url: string, init?: RequestInit) =>
    requests.push({ method: init?.method ?? 'GET', url, body: body(init) })

  const handlers: Record<string, Responder> = {
    ...catalogHandlers(),
    [`/api/v1/catalog/services/${foodLicenceWithForm.code}`]: () => json(foodLicenceWithForm),
    '/api/v1/workbench/tasks': (url, init) => {
      record(url, init)
      const params = new URL(url, 'http://localhost').searchParams
      const service = params.get('service')
      const light = params.get('light')
      const mine = params.get('mine') === 'true'
      const q = params.get('q')?.toUpperCase()
      const page = Number(params.get('page') ?? 0)
      const size = Number(params.get('size') ?? 20)
      const ofService = items.filter(
        (item) =>
          (!service || item.serviceCode === service) &&
          (!q ||
            (item.applicationNumber ?? '').toUpperCase().includes(q) ||
            (item.applicantName ?? '').toUpperCase().includes(q)),
      )
      const counts = { GREEN: 0, YELLOW: 0, RED: 0 }
      for (const item of ofService) if (item.light !== 'PAUSED') counts[item.light] += 1
      const filtered = ofService.filter(
        (item) => (!light || item.light === light) && (!mine || item.claimedByMe),
      )
      const queue: Queue = {
        items: filtered.slice(page * size, page * size + size),
        counts,
        page,
        size,
        total: filtered.length,
      }
      return json(queue)
    },
  }
  for (const item of items) {
    const base = `/api/v1/workbench/tasks/${item.instanceId}/${item.step}`
    handlers[base] = (url, init) => {
      record(url, init)
      return json(options.views?.[item.instanceId] ?? taskView(item))
    }
    handlers[`${base}/claim`] = (url, init) => {
      record(url, init)
      if (item.claimedBy && !item.claimedByMe) return problem(409, '已由其他工作人员认领')
      item.claimedBy = me.subject
      item.claimedByMe = true
      return json(item)
    }
    handlers[`${base}/release`] = (url, init) => {
      record(url, init)
      item.claimedBy = null
      item.claimedByMe = false
      return json(item)
    }
    handlers[`${base}/decision`] = (url, init) => {
      record(url, init)
      items.splice(items.indexOf(item), 1)
      return json({ id: item.instanceId, status: 'running', activeSteps: [] })
    }
  }
  for (const [path, responder] of Object.entries(options.override ?? {})) {
    handlers[path] = (url, init) => {
      record(url, init)
      return responder(url, init)
    }
  }
  return { items, handlers, requests }
}

export { COLLEAGUE }
// The people and the problem answer are shared with other features' tests.
export { marketAdmin, marketClerk, problemDetail } from '@/testing/test-utils'
