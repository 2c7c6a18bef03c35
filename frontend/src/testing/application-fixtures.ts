import type { FormSchema, ServiceWithForm } from '@/features/application/lib/schema'
import type {
  ApplicationView,
  Attachment,
  FormData,
  Receipt,
} from '@/features/application/types'
import type { Department } from '@/lib/catalog/types'
import { departments as catalogDepartments, schoolEnrolment, services } from './catalog-fixtures'
import { json, problem, type Handlers } from './test-utils'

export const health: Department = { code: 'health', nameZh: '卫生健康委员会', nameEn: 'Health Commission' }
export const departments: Department[] = [...catalogDepartments, health]
const education = catalogDepartments[0] as Department

/** The shipped primary school enrolment form (workflows/education/primary-school-enrolment.yaml). */
export const enrolmentSchema: FormSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'childName',
    'childIdNumber',
    'childGender',
    'childBirthDate',
    'guardianName',
    'guardianRelationship',
    'guardianIdNumber',
    'guardianPhone',
    'householdRegistrationAddress',
    'residenceAddress',
    'residenceBasis',
    'vaccinationCertificateNumber',
  ],
  properties: {
    childName: { type: 'string', title: '儿童姓名', 'x-title': { 'en-US': "Child's full name" }, minLength: 1, maxLength: 50, 'x-source': 'household-member.name' },
    childIdNumber: { type: 'string', title: '儿童公民身份号码', 'x-title': { 'en-US': "Child's resident ID number" }, pattern: '^[0-9]{17}[0-9X]$', format: 'cn-resident-id', 'x-source': 'household-member.idNumber' },
    childGender: {
      type: 'string',
      title: '儿童性别',
      'x-title': { 'en-US': "Child's sex" },
      'x-source': 'household-member.gender',
      oneOf: [
        { const: 'male', title: '男', 'x-title': { 'en-US': 'Male' } },
        { const: 'female', title: '女', 'x-title': { 'en-US': 'Female' } },
      ],
    },
    childBirthDate: { type: 'string', format: 'date', title: '儿童出生日期', 'x-title': { 'en-US': "Child's date of birth" }, 'x-source': 'household-member.birthDate' },
    guardianName: { type: 'string', title: '监护人姓名', 'x-title': { 'en-US': "Guardian's full name" }, minLength: 1, maxLength: 50, 'x-prefill': 'person.name' },
    guardianRelationship: {
      type: 'string',
      title: '与儿童关系',
      'x-title': { 'en-US': 'Relationship to the child' },
      oneOf: [
        { const: 'father', title: '父亲', 'x-title': { 'en-US': 'Father' } },
        { const: 'mother', title: '母亲', 'x-title': { 'en-US': 'Mother' } },
        { const: 'other-guardian', title: '其他法定监护人', 'x-title': { 'en-US': 'Other legal guardian' } },
      ],
    },
    guardianIdNumber: {
      type: 'string',
      title: '监护人公民身份号码',
      'x-title': { 'en-US': "Guardian's resident ID number" },
      pattern: '^[0-9]{17}[0-9X]$',
      format: 'cn-resident-id',
      'x-prefill': 'person.nationalId',
    },
    guardianPhone: { type: 'string', title: '监护人手机号码', 'x-title': { 'en-US': "Guardian's mobile number" }, pattern: '^1[3-9][0-9]{9}$' },
    householdRegistrationAddress: { type: 'string', title: '户籍地址', 'x-title': { 'en-US': 'Address of household registration (hukou)' }, minLength: 5, maxLength: 200, 'x-source': 'household-register.address' },
    residenceAddress: { type: 'string', title: '实际居住地址', 'x-title': { 'en-US': 'Address where the child actually lives' }, minLength: 5, maxLength: 200 },
    residenceBasis: {
      type: 'string',
      title: '入学类别',
      'x-title': { 'en-US': 'Basis for admission' },
      oneOf: [
        { const: 'local-owned-home', title: '本市户籍，在实际居住地有自有住房', 'x-title': { 'en-US': 'Household registered in this city, living in a home the family owns' } },
        { const: 'local-rented-home', title: '本市户籍，在实际居住地租房居住', 'x-title': { 'en-US': 'Household registered in this city, living in a rented home' } },
        { const: 'residence-permit', title: '非本市户籍，监护人持本市居住证（随迁子女）', 'x-title': { 'en-US': "Household registered elsewhere, guardian holds this city's residence permit (child of a family that moved here)" } },
      ],
    },
    residencePermitNumber: { type: 'string', title: '监护人居住证号码', 'x-title': { 'en-US': "Guardian's residence permit number" }, minLength: 6, maxLength: 30 },
    vaccinationCertificateNumber: { type: 'string', title: '预防接种证编号', 'x-title': { 'en-US': 'Vaccination certificate number' }, minLength: 4, maxLength: 30, 'x-source': 'vaccination-record.certificateNumber' },
    preferredSchool: { type: 'string', title: '意向学校（仅供参考，按学区统筹安排）', 'x-title': { 'en-US': 'Preferred school (for reference only; places are allocated by school district)' }, maxLength: 100 },
    needsSpecialEducationSupport: {
      type: 'boolean',
      title: '是否需要特殊教育支持（随班就读、送教上门等）',
      'x-title': { 'en-US': 'Does the child need special educational support (such as learning in a mainstream class with support, or teaching at home)?' },
      default: false,
    },
  },
  allOf: [
    {
      if: { properties: { residenceBasis: { const: 'residence-permit' } }, required: ['residenceBasis'] },
      // oxlint-disable-next-line unicorn/no-thenable -- JSON Schema's if/then, not a promise
      then: { required: ['residencePermitNumber'] },
    },
  ],
}

export const enrolmentDetail: ServiceWithForm = {
  ...schoolEnrolment,
  departments: [education, health],
  legalBasis: { zh: '《中华人民共和国义务教育法》', en: 'Compulsory Education Law' },
  fee: { zh: '不收费', en: 'Free of charge' },
  certificate: 'enrolment-notice',
  materials: [
    {
      code: 'household-register',
      name: { zh: '户口簿', en: 'Household register' },
      required: true,
      formats: ['pdf', 'jpg', 'png'],
      maxSizeMb: 10,
    },
    {
      code: 'proof-of-residence',
      name: { zh: '实际居住证明', en: 'Proof of residence' },
      required: true,
      formats: ['pdf', 'jpg', 'png'],
      maxSizeMb: 10,
    },
    {
      code: 'residence-permit',
      name: { zh: '监护人本市居住证', en: "Guardian's residence permit" },
      required: false,
      formats: ['pdf'],
      maxSizeMb: 5,
    },
  ],
  steps: [
    {
      id: 'enrolment-acceptance',
      name: { zh: '报名受理', en: 'Application acceptance' },
      type: 'task',
      department: education,
      timeLimitWorkingDays: 2,
    },
    {
      id: 'vaccination-record-check',
      name: { zh: '预防接种证查验', en: 'Vaccination record check' },
      type: 'task',
      department: health,
      timeLimitWorkingDays: 3,
    },
    {
      id: 'placement-decision',
      name: { zh: '学位安排', en: 'School placement' },
      type: 'task',
      department: education,
      timeLimitWorkingDays: 5,
    },
  ],
  diagramUrl: '/api/v1/workflow-definitions/primary-school-enrolment/versions/1/diagram',
  formSchema: enrolmentSchema,
}

export const APPLICATION_ID = 'a1b2c3d4-0000-4000-8000-000000000001'
export const NUMBER = 'TB-20261127-000123'

/** Every required question answered, as the backend would hold them. */
export const completeAnswers: FormData = {
  childName: '张小明',
  childIdNumber: '110105201905010013',
  childGender: 'male',
  childBirthDate: '2019-05-01',
  guardianName: '张三',
  guardianRelationship: 'father',
  guardianIdNumber: '110105199003071239',
  guardianPhone: '13800138000',
  householdRegistrationAddress: '北京市东城区和平里街道 1 号',
  residenceAddress: '北京市东城区和平里街道 1 号',
  residenceBasis: 'local-owned-home',
  vaccinationCertificateNumber: 'YM2019050100',
  needsSpecialEducationSupport: false,
}

/** What the backend fills in from the verified identity. */
export const prefilled: FormData = { guardianName: '张三', guardianIdNumber: '110105199003071239' }

export function draft(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return {
    id: APPLICATION_ID,
    number: null,
    serviceCode: enrolmentDetail.code,
    definitionVersion: 1,
    status: 'draft',
    formData: { ...prefilled },
    prefilledFields: ['guardianName', 'guardianIdNumber'],
    applicantName: '张三',
    enterpriseName: null,
    createdAt: '2026-11-27T01:00:00Z',
    updatedAt: '2026-11-27T01:00:00Z',
    submittedAt: null,
    expectedCompletion: null,
    currentSteps: [],
    timeline: [],
    correction: null,
    attachments: [],
    version: 0,
    ...overrides,
  }
}

export function attachment(materialCode: string, fileName: string, id = `att-${materialCode}`): Attachment {
  return {
    id,
    materialCode,
    fileName,
    mediaType: 'image/png',
    sizeBytes: 2048,
    uploadedAt: '2026-11-27T01:05:00Z',
  }
}

/** An application being handled: education accepted it, health asked for a correction. */
export function inCorrection(overrides: Partial<ApplicationView> = {}): ApplicationView {
  return draft({
    number: NUMBER,
    status: 'correction',
    formData: completeAnswers,
    submittedAt: '2026-11-27T02:00:00Z',
    expectedCompletion: '2026-12-18',
    currentSteps: [
      {
        step: 'vaccination-record-check',
        branch: 'vaccination-check',
        department: 'health',
        role: 'clerk',
        status: 'correction',
        activatedAt: '2026-11-27T02:00:00Z',
        dueAt: null,
        light: 'PAUSED',
      },
      {
        step: 'enrolment-acceptance',
        branch: 'education-review',
        department: 'education',
        role: 'clerk',
        status: 'active',
        activatedAt: '2026-11-27T02:00:00Z',
        dueAt: '2026-12-01T09:00:00Z',
        light: 'GREEN',
      },
    ],
    timeline: [
      { at: '2026-11-27T02:00:00Z', step: null, action: 'start', department: null, reason: null },
      {
        at: '2026-11-27T03:00:00Z',
        step: 'vaccination-record-check',
        action: 'correct',
        department: 'health',
        reason: '预防接种证编号与系统记录不一致，请核对后重新填写。',
      },
    ],
    correction: {
      step: 'vaccination-record-check',
      items: ['childIdNumber', 'materials.household-register'],
      reason: '预防接种证编号与系统记录不一致，请核对后重新填写。',
    },
    attachments: [
      attachment('household-register', '户口簿.png'),
      attachment('proof-of-residence', '房产证.png'),
    ],
    version: 3,
    ...overrides,
  })
}

export interface FakeBackendOptions {
  /** The application the backend holds (GET /applications/{id}). */
  application?: ApplicationView
  /** My applications (GET /applications). */
  list?: ApplicationView[]
  /** Problems PUT …/draft answers with (400), when set. */
  draftErrors?: { field: string; message: string }[]
}

function body(init?: RequestInit): Record<string, unknown> {
  return typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {}
}

function method(init?: RequestInit): string {
  return init?.method ?? 'GET'
}

function validationProblem(type: string, errors: { field: string; message: string }[]): Response {
  return json(
    { type, title: '填写内容有误', status: 400, detail: '有些内容需要修改。', errors },
    400,
    'application/problem+json',
  )
}

/**
 * The application endpoints of the backend, holding one application (APPLICATION_ID) in memory
 * the way the contract says: drafts keep the prefilled answers, submission checks the required
 * materials and answers a receipt, withdrawal and correction move the status on.
 */
export function applicationBackend(options: FakeBackendOptions = {}) {
  const state = {
    application: options.application ?? draft(),
    list: options.list,
    created: 0,
    receipt: undefined as Receipt | undefined,
  }
  const base = `/api/v1/applications/${APPLICATION_ID}`
  const handlers: Handlers = {
    '/api/v1/departments': () => json(departments),
    '/api/v1/catalog/services': () => json(services),
    [`/api/v1/catalog/services/${enrolmentDetail.code}`]: () => json(enrolmentDetail),
    '/api/v1/applications': (_url, init) => {
      if (method(init) === 'POST') {
        state.created += 1
        return json(state.application, 201)
      }
      const items = state.list ?? [{ ...state.application, formData: null, timeline: null }]
      return json({ items, page: 0, size: 100, total: items.length })
    },
    [base]: () => json(state.application),
    [`${base}/draft`]: (_url, init) => {
      if (options.draftErrors) {
        return validationProblem('urn:tongban:problem:validation-failed', options.draftErrors)
      }
      const answers = body(init).formData as FormData
      state.application = {
        ...state.application,
        formData: { ...answers, ...prefilled },
        version: state.application.version + 1,
      }
      return json(state.application)
    },
    [`${base}/attachments`]: (url, init) => {
      const material = new URL(url, 'http://localhost').searchParams.get('material') ?? ''
      const form = init?.body
      if (!(form instanceof globalThis.FormData)) return problem(400, 'Bad Request')
      const file = form.get('file') as File
      const attached = attachment(material, file.name, `att-${state.application.attachments?.length ?? 0}`)
      state.application = {
        ...state.application,
        attachments: [...(state.application.attachments ?? []), attached],
      }
      return json(attached, 201)
    },
    [`${base}/submission`]: () => {
      const attached = new Set((state.application.attachments ?? []).map((file) => file.materialCode))
      const missing = (enrolmentDetail.materials ?? [])
        .filter((material) => material.required && !attached.has(material.code))
        .map((material) => ({ field: `materials.${material.code}`, message: '请上传该材料' }))
      if (missing.length > 0) return validationProblem('urn:tongban:problem:materials-missing', missing)
      state.receipt = {
        id: APPLICATION_ID,
        number: NUMBER,
        serviceCode: enrolmentDetail.code,
        submittedAt: '2026-11-27T02:00:00Z',
        expectedCompletion: '2026-12-18',
      }
      state.application = {
        ...state.application,
        status: 'submitted',
        number: NUMBER,
        submittedAt: state.receipt.submittedAt,
        expectedCompletion: state.receipt.expectedCompletion,
      }
      return json(state.receipt)
    },
    [`${base}/withdrawal`]: () => {
      state.application = { ...state.application, status: 'withdrawn', currentSteps: [] }
      return json(state.application)
    },
    [`${base}/correction`]: (_url, init) => {
      state.application = {
        ...state.application,
        status: 'in-progress',
        formData: body(init).formData as FormData,
        correction: null,
      }
      return json(state.application)
    },
  }
  return { handlers, state }
}
