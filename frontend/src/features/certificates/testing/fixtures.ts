import type { AdminItem, CertificateDetail, CertificateSummary } from '../types'

export const NUMBER = 'TB-20261205-7KQ2M9XA'

export function summary(overrides: Partial<CertificateSummary> = {}): CertificateSummary {
  return {
    number: NUMBER,
    type: 'birth-medical-certificate',
    typeName: { zh: '出生医学证明', en: 'Birth medical certificate' },
    issuer: { code: 'health', nameZh: '卫生健康委员会', nameEn: 'Health Commission' },
    issuedAt: '2026-12-05T02:00:00Z',
    issuedOn: '2026-12-05',
    validUntil: null,
    status: 'valid',
    ...overrides,
  }
}

export function detail(overrides: Partial<CertificateDetail> = {}): CertificateDetail {
  return {
    ...summary(),
    holder: { kind: 'person', idNumber: '110101199001011234', name: '张三' },
    fields: [
      { code: 'childName', label: { zh: '新生儿姓名', en: "Child's name" }, value: '张小明' },
      { code: 'birthDate', label: { zh: '出生日期', en: 'Date of birth' }, value: '2026-11-20' },
      { code: 'twins', label: { zh: '多胞胎', en: 'Multiple birth' }, value: false },
    ],
    applicationNumber: 'TB-20261120-000042',
    revokedAt: null,
    revocationReason: null,
    verificationToken: 'eyJhbGciOiJFUzI1NiJ9.e30.sig',
    verificationUrl: 'http://localhost:8080/verify#t=eyJhbGciOiJFUzI1NiJ9.e30.sig',
    ...overrides,
  }
}

export function adminItem(overrides: Partial<AdminItem> = {}): AdminItem {
  return {
    number: NUMBER,
    type: 'birth-medical-certificate',
    typeName: { zh: '出生医学证明', en: 'Birth medical certificate' },
    issuerDepartment: 'health',
    holderKind: 'person',
    holderName: '张三',
    holderIdNumber: '**************1234',
    applicationNumber: 'TB-20261120-000042',
    issuedAt: '2026-12-05T02:00:00Z',
    validUntil: null,
    status: 'valid',
    revokedAt: null,
    ...overrides,
  }
}
