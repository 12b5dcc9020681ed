import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/auth/throttle.js';

describe('login throttle', () => {
  it('allows a few failures, then makes the account wait, doubling each time', () => {
    let now = 0;
    const th = new LoginThrottle(() => now);
    for (let i = 0; i < 4; i++) th.fail('a@x', '1.1.1.1');
    expect(th.check('a@x', '1.1.1.1').allowed).toBe(true);
    th.fail('a@x', '1.1.1.1');
    expect(th.check('a@x', '1.1.1.1')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now += 2000;
    th.fail('a@x', '1.1.1.1');
    expect(th.check('a@x', '1.1.1.1').retryAfterSeconds).toBe(4);
  });

  it('throttles an IP that tries many accounts', () => {
    const th = new LoginThrottle(() => 0);
    for (let i = 0; i < 20; i++) th.fail(`user${i}@x`, '9.9.9.9');
    expect(th.check('fresh@x', '9.9.9.9').allowed).toBe(false);
    expect(th.check('fresh@x', '8.8.8.8').allowed).toBe(true);
  });

  it('forgives an account after a successful sign-in', () => {
    const th = new LoginThrottle(() => 0);
    for (let i = 0; i < 3; i++) th.fail('a@x', '1.1.1.1');
    th.succeed('a@x');
    for (let i = 0; i < 4; i++) th.fail('a@x', '1.1.1.2');
    expect(th.check('a@x', '1.1.1.2').allowed).toBe(true);
  });
});
