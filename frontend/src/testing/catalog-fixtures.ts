import type { Department, ServiceDetail, ServiceSummary } from '@/lib/catalog/types'
import { json, problem, requestUrl, type Handlers } from './test-utils'

export const departments: Department[] = [
  { code: 'education', nameZh: '教育局', nameEn: 'Education Bureau' },
  { code: 'market-regulation', nameZh: '市场监督管理局', nameEn: 'Market Regulation Administration' },
  { code: 'tax', nameZh: '税务局', nameEn: 'Taxation Bureau' },
  { code: 'public-security', nameZh: '公安局', nameEn: 'Public Security Bureau' },
]

const [education, marketRegulation, tax, publicSecurity] = departments as [
  Department,
  Department,
  Department,
  Department,
]

export const foodLicence: ServiceSummary = {
  code: 'food-business-licence',
  name: { zh: '食品经营许可', en: 'Food business licence' },
  description: {
    zh: '在本市从事食品销售、餐饮服务或开办单位食堂，应当先取得食品经营许可证。',
    en: 'Anyone who sells food or runs a restaurant in the city needs a food business licence first.',
  },
  category: 'enterprise',
  audience: 'business',
  promisedWorkingDays: 10,
  department: marketRegulation,
  departments: [marketRegulation],
  version: 1,
}

export const enterpriseEstablishment: ServiceSummary = {
  code: 'enterprise-establishment',
  name: { zh: '企业开办', en: 'Starting a business' },
  description: {
    zh: '营业执照、公章刻制、发票申领一次办结。',
    en: 'Business licence, company seal and invoices in one application.',
  },
  category: 'enterprise',
  audience: 'business',
  promisedWorkingDays: 3,
  department: marketRegulation,
  departments: [marketRegulation, publicSecurity, tax],
  version: 2,
}

export const schoolEnrolment: ServiceSummary = {
  code: 'primary-school-enrolment',
  name: { zh: '小学入学登记', en: 'Primary school enrolment' },
  description: { zh: '适龄儿童小学一年级入学登记。', en: 'Registering a child for the first year of primary school.' },
  category: 'education',
  audience: 'citizen',
  promisedWorkingDays: 1,
  department: education,
  departments: [education],
  version: 1,
}

export const services: ServiceSummary[] = [foodLicence, enterpriseEstablishment, schoolEnrolment]

export const foodLicenceDetail: ServiceDetail = {
  ...foodLicence,
  legalBasis: {
    zh: '《中华人民共和国食品安全法》第三十五条',
    en: "Food Safety Law of the People's Republic of China, Article 35",
  },
  fee: { zh: '不收费', en: 'Free of charge' },
  certificate: 'food-business-licence',
  certificateName: { zh: '食品经营许可证', en: 'Food business licence' },
  sharedData: [
    {
      dataset: 'business-registration',
      name: { zh: '企业登记信息', en: 'business registration' },
      department: marketRegulation,
      purpose: { zh: '核对经营者主体资格', en: "To check the business's registration" },
    },
  ],
  materials: [
    {
      code: 'business-licence',
      name: { zh: '营业执照', en: 'Business licence' },
      required: true,
      formats: ['pdf', 'jpg'],
      maxSizeMb: 10,
      source: 'business-registration',
    },
    {
      code: 'floor-plan',
      name: { zh: '经营场所平面图及设备布局图', en: 'Floor plan of the premises with the equipment layout' },
      required: true,
      formats: ['pdf', 'jpg', 'png'],
      maxSizeMb: 10,
    },
    {
      code: 'power-of-attorney',
      name: { zh: '授权委托书及受托人身份证件', en: "Power of attorney and the agent's ID" },
      required: false,
      formats: ['pdf'],
      maxSizeMb: 5,
    },
  ],
  steps: [
    {
      id: 'acceptance',
      name: { zh: '受理', en: 'Acceptance' },
      type: 'task',
      department: marketRegulation,
      timeLimitWorkingDays: 1,
    },
    {
      id: 'area-check',
      name: { zh: '是否需要现场核查', en: 'On-site inspection needed?' },
      type: 'decision',
      department: null,
      timeLimitWorkingDays: null,
    },
    {
      id: 'inspection',
      name: { zh: '现场核查', en: 'On-site inspection' },
      type: 'task',
      department: marketRegulation,
      timeLimitWorkingDays: 5,
    },
    {
      id: 'issue-licence',
      name: { zh: '核发电子许可证', en: 'Issue the e-licence' },
      type: 'automatic',
      department: null,
      timeLimitWorkingDays: null,
    },
  ],
  diagramUrl: '/api/v1/workflow-definitions/food-business-licence/versions/1/diagram',
}

export const diagrams = {
  'zh-CN': 'stateDiagram-v2\n    state "受理" as acceptance\n    [*] --> acceptance\n',
  'en-US': 'stateDiagram-v2\n    state "Acceptance" as acceptance\n    [*] --> acceptance\n',
} as const

function text(body: string): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } })
}

/** Does the service match the keyword, as the backend's search does (names and descriptions)? */
function matches(service: ServiceSummary, keyword: string): boolean {
  const needle = keyword.toLowerCase()
  return [service.name.zh, service.name.en, service.description.zh, service.description.en].some(
    (value) => value.toLowerCase().includes(needle),
  )
}

/** The catalogue endpoints of the backend, filtering `list` as the contract says. */
export function catalogHandlers(list: readonly ServiceSummary[] = services): Handlers {
  return {
    '/api/v1/departments': () => json(departments),
    '/api/v1/catalog/services': (url) => {
      const params = requestUrl(url).searchParams
      const q = params.get('q')
      const category = params.get('category')
      const department = params.get('department')
      const audience = params.get('audience')
      return json(
        list.filter(
          (service) =>
            (!q || matches(service, q)) &&
            (!category || service.category === category) &&
            (!department || service.departments.some((d) => d.code === department)) &&
            (!audience || service.audience === audience),
        ),
      )
    },
    [`/api/v1/catalog/services/${foodLicence.code}`]: () => json(foodLicenceDetail),
    '/api/v1/catalog/services/no-such-service': () => problem(404, 'Not Found'),
    [foodLicenceDetail.diagramUrl]: (_url, init) => {
      const language = (init?.headers as Record<string, string> | undefined)?.['Accept-Language']
      return text(language === 'en-US' ? diagrams['en-US'] : diagrams['zh-CN'])
    },
  }
}
