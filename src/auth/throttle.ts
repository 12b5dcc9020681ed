// Throttles failed logins per account and per IP address. After a few free attempts each
// further failure doubles the wait (capped), and a success clears the account's counter.
// Kept in memory: the product runs as one process on one SQLite file; a restart forgives.
export interface ThrottleDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

interface Entry {
  failures: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly accounts = new Map<string, Entry>();
  private readonly ips = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly opts = { freeAccount: 5, freeIp: 20, baseSeconds: 2, maxSeconds: 15 * 60 },
  ) {}

  check(account: string, ip: string): ThrottleDecision {
    const t = this.now();
    const wait = Math.max(this.accounts.get(account)?.blockedUntil ?? 0, this.ips.get(ip)?.blockedUntil ?? 0) - t;
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true, retryAfterSeconds: 0 };
  }

  fail(account: string, ip: string): void {
    this.bump(this.accounts, account, this.opts.freeAccount);
    this.bump(this.ips, ip, this.opts.freeIp);
  }

  succeed(account: string): void {
    this.accounts.delete(account);
  }

  private bump(map: Map<string, Entry>, key: string, free: number): void {
    const e = map.get(key) ?? { failures: 0, blockedUntil: 0 };
    e.failures += 1;
    if (e.failures >= free) {
      const seconds = Math.min(this.opts.baseSeconds * 2 ** (e.failures - free), this.opts.maxSeconds);
      e.blockedUntil = this.now() + seconds * 1000;
    }
    map.set(key, e);
  }
}
