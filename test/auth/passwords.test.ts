import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from '../../src/auth/passwords.js';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('refuses short, common and email-based passwords', () => {
    expect(passwordProblems('short', 'ana@example.org')).toContain('auth.password.tooShort');
    expect(passwordProblems('password1234', 'ana@example.org')).toContain('auth.password.common');
    expect(passwordProblems('my-name-is-anabel-ok', 'anabel@example.org')).toContain('auth.password.containsEmail');
    expect(passwordProblems('aaaaaaaaaaaaaaa', 'x@example.org')).toContain('auth.password.common');
    expect(passwordProblems('river lamp orchard 42', 'ana@example.org')).toEqual([]);
  });

  it('generates one-time passwords that pass the policy', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(passwordProblems(p, 'secretariat@unodc.example')).toEqual([]);
  });
});
