import { describe, expect, it } from 'vitest'
import { lineRange, suggestedFile } from './lib'

describe('definition files', () => {
  it("get their path from the service's category and code", () => {
    const yaml = 'service:\n  code: newborn\n  category: life-event\n  materials:\n    - code: x\n'
    expect(suggestedFile(yaml)).toBe('life-event/newborn.yaml')
    expect(suggestedFile(yaml, 'C:\\defs\\newborn.yml')).toBe('life-event/newborn.yml')
    expect(suggestedFile('formatVersion: 1\n')).toBeUndefined()
  })

  it('find a line to select', () => {
    expect(lineRange('a\nbb\nccc', 2)).toEqual([2, 4])
    expect(lineRange('a\nbb\nccc', 3)).toEqual([5, 8])
    expect(lineRange('a', 4)).toBeUndefined()
  })
})
