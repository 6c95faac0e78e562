import { scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../electron/services/session/operators'

const PASSWORD = 'correct horse battery'
const stored = hashPassword(PASSWORD)
const [scheme, n, r, p, salt, hash] = stored.split('$')

describe('hashPassword / verifyPassword', () => {
  it('stores a salted scrypt hash, never the password', () => {
    expect(scheme).toBe('scrypt')
    expect([n, r, p].map(Number)).toEqual([16384, 8, 1])
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16)
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32)
    expect(stored).not.toContain(PASSWORD)
  })

  it('verifies the password it was made from', () => {
    expect(verifyPassword(PASSWORD, stored)).toBe(true)
  })

  it.each([
    ['a wrong password', 'wrong horse battery'],
    ['the password in other case', PASSWORD.toUpperCase()],
    ['the password with a trailing space', `${PASSWORD} `],
    ['a prefix of the password', PASSWORD.slice(0, -1)],
    ['an empty password', ''],
  ])('refuses %s', (_label, attempt) => {
    expect(verifyPassword(attempt, stored)).toBe(false)
  })

  it('salts: two hashes of the same password differ, and both verify', () => {
    const again = hashPassword(PASSWORD)
    expect(again).not.toBe(stored)
    expect(again.split('$')[4]).not.toBe(salt)
    expect(verifyPassword(PASSWORD, again)).toBe(true)
  })

  it('handles non-ASCII passwords', () => {
    const chinese = hashPassword('临江市主管密码')
    expect(verifyPassword('临江市主管密码', chinese)).toBe(true)
    expect(verifyPassword('临江市主管密碼', chinese)).toBe(false)
  })

  it.each([
    ['an empty value', ''],
    ['plain text', PASSWORD],
    ['another scheme', ['bcrypt', n, r, p, salt, hash].join('$')],
    ['no hash part', [scheme, n, r, p, salt].join('$')],
    ['an empty hash part', [scheme, n, r, p, salt, ''].join('$')],
    ['no salt', [scheme, n, r, p, '', hash].join('$')],
    ['a hash of another password', hashPassword('something else entirely')],
    ['another salt', [scheme, n, r, p, Buffer.alloc(16, 7).toString('base64'), hash].join('$')],
  ])('refuses a malformed or mismatched stored value: %s', (_label, value) => {
    expect(verifyPassword(PASSWORD, value)).toBe(false)
  })

  // verifyPassword throws on these rather than returning false. Either way the password is not accepted,
  // which is what this asserts; signIn then reports an internal error instead of "wrong password".
  it.each([
    ['a cost that is not a number', [scheme, 'x', r, p, salt, hash].join('$')],
    ['a cost that is not a power of two', [scheme, '1000', r, p, salt, hash].join('$')],
  ])('never accepts a password against %s', (_label, value) => {
    let accepted: boolean
    try {
      accepted = verifyPassword(PASSWORD, value)
    } catch {
      accepted = false
    }
    expect(accepted).toBe(false)
  })

  // A damaged hash must refuse every password: an empty or short key would compare too few bytes.
  it.each(['!!!!', '-', '@'])(
    'refuses any password against a hash part %j that decodes to nothing',
    (tail) => {
      expect(verifyPassword('not the password', [scheme, n, r, p, salt, tail].join('$'))).toBe(false)
    },
  )

  it('refuses every password, the real one too, against a hash truncated to one byte', () => {
    const fixedSalt = Buffer.alloc(16, 1)
    const oneByte = scryptSync('the real one', fixedSalt, 1, { N: 16384, r: 8, p: 1 })
    const truncated = ['scrypt', 16384, 8, 1, fixedSalt.toString('base64'), oneByte.toString('base64')].join(
      '$',
    )
    expect(verifyPassword('the real one', truncated)).toBe(false)
    // Found by trying guess0, guess1, ...: its first scrypt byte under this salt matches by chance.
    expect(verifyPassword('guess630', truncated)).toBe(false)
  })
})
