import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';
import { ThrottleRepository, type CounterRule, type CounterSlot } from './throttle.repository';

const MINUTE = 60_000;

/**
 * Attempts counted in PostgreSQL, so every API replica sees the same counts. Each kind counts apart:
 * guessing invitation tokens never slows a password reset, and neither touches sign-in.
 * Addresses are the socket address, or the proxy-reported one only when TRUST_PROXY says so.
 */
export const THROTTLE_RULES = {
  /** One address, every account: password spraying. */
  LOGIN_ADDRESS: { limit: 10, windowMs: 5 * MINUTE },
  /** One account from one address: at most this many password checks per window. */
  LOGIN_ACCOUNT_ADDRESS: { limit: 10, windowMs: 5 * MINUTE },
  /**
   * One account from every address: past 10 failures in the hour, an address that already failed on it
   * waits 30 s, then 1, 2, 4... up to 15 minutes between attempts. An address without failures on the
   * account is not held back, so the owner still signs in while someone else guesses.
   */
  LOGIN_ACCOUNT: { limit: 10, windowMs: 60 * MINUTE, backoff: { baseMs: 30_000, maxMs: 15 * MINUTE } },
  RESET_REQUEST_ADDRESS: { limit: 10, windowMs: 5 * MINUTE },
  /** Also keeps a mailbox from being flooded; the links already sent keep working. */
  RESET_REQUEST_ACCOUNT: { limit: 10, windowMs: 5 * MINUTE },
  /** Wrong or used password-reset links, per address. */
  RESET_TOKEN: { limit: 10, windowMs: 5 * MINUTE },
  /** Wrong or used invitation links (looked up or accepted), per address. */
  INVITATION_TOKEN: { limit: 10, windowMs: 5 * MINUTE },
} as const satisfies Record<string, CounterRule>;
export type ThrottleKind = keyof typeof THROTTLE_RULES;

/**
 * The address as the throttle counts it: an IPv4 address as is (also when written IPv4-mapped), an IPv6
 * address by its /64 network, the smallest block a single subscriber is given, so that a visitor cannot
 * appear as a fresh address on every request.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const groups = expandIpv6(ip.split('%')[0]!);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

function expandIpv6(ip: string): string[] | undefined {
  const [head = '', tail, ...rest] = ip.toLowerCase().split('::');
  if (rest.length > 0) return undefined;
  const split = (part: string) => (part ? part.split(':') : []);
  const left = split(head);
  const right = tail === undefined ? [] : split(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => group.replace(/^0+(?=.)/, ''));
}

export const ipKey = (ip: string) => `ip:${throttleAddress(ip)}`;
export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const accountAddressKey = (email: string, ip: string) => `${accountKey(email)}|${ipKey(ip)}`;

/** Expired counters are deleted now and then, by whichever request comes by. */
const PURGE_PROBABILITY = 0.01;
const PURGE_AGE_MS = 24 * 60 * MINUTE;

interface Taken extends CounterSlot {
  kind: ThrottleKind;
  key: string;
}

/** The attempts one request took: given back on success, kept (as failures) otherwise. */
export class ThrottleTicket {
  constructor(readonly taken: Taken[]) {}

  /** True when the next attempt on one of these counters would be refused: say so now (429). */
  get limitReached(): boolean {
    return this.taken.some((slot) => slot.count >= THROTTLE_RULES[slot.kind].limit);
  }

  /** Seconds until the soonest such next attempt could be granted. */
  get retryAfterSeconds(): number {
    return toSeconds(Math.max(0, ...this.taken.map((slot) => slot.waitMs)));
  }
}

@Injectable()
export class ThrottleService {
  constructor(private readonly counters: ThrottleRepository) {}

  /**
   * Takes one attempt on each counter, in order, or none: when one is spent the attempts already taken
   * are given back and the request is refused with 429 before any password or token is checked.
   */
  async take(counters: Array<{ kind: ThrottleKind; key: string; exempt?: boolean }>): Promise<ThrottleTicket> {
    if (Math.random() < PURGE_PROBABILITY) await this.counters.purgeOlderThan(PURGE_AGE_MS);
    const attemptId = randomUUID();
    const taken: Taken[] = [];
    for (const { kind, key, exempt } of counters) {
      const slot = await this.counters.take(kind, key, THROTTLE_RULES[kind], attemptId, exempt);
      if (!slot.granted) {
        await this.giveBack(new ThrottleTicket(taken));
        throw tooManyAttempts(slot.waitMs);
      }
      taken.push({ ...slot, kind, key });
    }
    return new ThrottleTicket(taken);
  }

  /**
   * A sign-in attempt: per account from this address, per address, then per account from everywhere.
   * The last one exempts an address with no failure on the account in the window (its first attempt).
   */
  async takeLogin(email: string, ip: string): Promise<ThrottleTicket> {
    const first = await this.take([{ kind: 'LOGIN_ACCOUNT_ADDRESS', key: accountAddressKey(email, ip) }]);
    const clean = first.taken[0]!.count === 1;
    try {
      const rest = await this.take([
        { kind: 'LOGIN_ADDRESS', key: ipKey(ip) },
        { kind: 'LOGIN_ACCOUNT', key: accountKey(email), exempt: clean },
      ]);
      return new ThrottleTicket([...first.taken, ...rest.taken]);
    } catch (error) {
      await this.giveBack(first);
      throw error;
    }
  }

  /**
   * The right password: the account and this address on it start afresh (the owner is in; someone still
   * guessing gets at most the free attempts again, each of their addresses still capped per window), and
   * the attempt is no failure of the address.
   */
  async loginSucceeded(email: string, ip: string, ticket: ThrottleTicket): Promise<void> {
    await this.counters.clear('LOGIN_ACCOUNT_ADDRESS', accountAddressKey(email, ip));
    await this.counters.clear('LOGIN_ACCOUNT', accountKey(email));
    await this.giveBack(new ThrottleTicket(ticket.taken.filter((slot) => slot.kind === 'LOGIN_ADDRESS')));
  }

  /** A password set through a reset link: earlier failures against the account no longer hold anyone back. */
  async clearAccount(email: string): Promise<void> {
    await this.counters.clear('LOGIN_ACCOUNT', accountKey(email));
    await this.counters.clearPrefix('LOGIN_ACCOUNT_ADDRESS', `${accountKey(email)}|`);
  }

  /** The attempts of a ticket were not failures (a valid token, a right password). */
  async giveBack(ticket: ThrottleTicket): Promise<void> {
    for (const slot of ticket.taken) await this.counters.giveBack(slot.kind, slot.key, slot.windowStart);
  }

  /** The error for a failed attempt: 429 once the limit is reached, else the caller's own error. */
  failure(ticket: ThrottleTicket, otherwise: AppError): AppError {
    return ticket.limitReached ? new AppError('TOO_MANY_ATTEMPTS', undefined, { retryAfterSeconds: ticket.retryAfterSeconds }) : otherwise;
  }
}

/** Whole seconds, rounded up, at least 1 (counters keep milliseconds; the clock in between has microseconds). */
function toSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(Math.round(waitMs) / 1000));
}

function tooManyAttempts(waitMs: number): AppError {
  return new AppError('TOO_MANY_ATTEMPTS', undefined, { retryAfterSeconds: toSeconds(waitMs) });
}
