import SqliteDatabase from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { languageFromLocale } from '../../electron/host'
import { likePattern } from '../../electron/services/customers/list'

describe('likePattern', () => {
  it.each([
    ['abc', 'contains', '%abc%'],
    ['abc', 'startsWith', 'abc%'],
    ['abc', 'endsWith', '%abc'],
    ['ABC Ltd', 'contains', '%ABC Ltd%'],
    ['临江', 'contains', '%临江%'],
    ['', 'contains', '%%'],
    ['50%', 'contains', '%50\\%%'],
    ['a_b', 'startsWith', 'a\\_b%'],
    ['C:\\dir', 'endsWith', '%C:\\\\dir'],
    ['%_\\', 'contains', '%\\%\\_\\\\%'],
  ] as const)('%j %s → %j', (text, where, pattern) => {
    expect(likePattern(text, where)).toBe(pattern)
  })

  describe("matches in SQLite (with escape '\\') exactly what a user typed", () => {
    const db = new SqliteDatabase(':memory:')
    db.exec('create table t (v text)')
    const values = ['50% off', '500 off', 'a_b', 'axb', 'c:\\dir', 'c:dir', 'abc', 'xabcx', 'ABC']
    const insert = db.prepare('insert into t (v) values (?)')
    for (const value of values) insert.run(value)
    // As the grid's column filters run it: both sides folded by SQLite's lower().
    const like = db.prepare("select v from t where lower(v) like lower(?) escape '\\' order by v")
    const matches = (text: string, where: 'contains' | 'startsWith' | 'endsWith') =>
      (like.all(likePattern(text, where)) as { v: string }[]).map((row) => row.v).sort()
    afterAll(() => db.close())

    it('a % matches a percent sign, not anything', () => {
      expect(matches('50%', 'contains')).toEqual(['50% off'])
    })

    it('an _ matches an underscore, not any one character', () => {
      expect(matches('a_b', 'contains')).toEqual(['a_b'])
    })

    it('a backslash matches a backslash', () => {
      expect(matches('c:\\', 'startsWith')).toEqual(['c:\\dir'])
    })

    it('ignores case and anchors as asked', () => {
      expect(matches('ABC', 'contains')).toEqual(['ABC', 'abc', 'xabcx'])
      expect(matches('abc', 'startsWith')).toEqual(['ABC', 'abc'])
      expect(matches('bcx', 'endsWith')).toEqual(['xabcx'])
    })
  })
})

describe('languageFromLocale', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-HK', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['de', 'en'],
    ['ja-JP', 'en'],
    ['', 'en'],
  ])('%j → %s', (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language)
  })
})
