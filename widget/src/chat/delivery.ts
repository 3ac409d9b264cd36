import { failureOf, type Failure } from './api';

/** A visitor's message and the key that makes every retry of it the same message to the server. */
export interface OutgoingMessage {
  readonly text: string;
  readonly idempotencyKey: string;
}

/** Automatic tries of one message before the visitor is asked to retry by hand. */
export const maxAttempts = 6;

/** 1 s, 2 s, 4 s… up to 30 s, each drawn in its upper half so visitors who went offline together don't return together. */
export const backoffDelay = (attempt: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(30000, 1000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
};

const uuidFromRandom = (bytes: Uint8Array): string => {
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** randomUUID exists only on secure pages; getRandomValues on every page, so a site on plain http still gets keys. */
export const newIdempotencyKey = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : uuidFromRandom(crypto.getRandomValues(new Uint8Array(16)));

export const outgoing = (text: string, key: () => string = newIdempotencyKey): OutgoingMessage => ({ text, idempotencyKey: key() });

export type DeliveryResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

export interface DeliveryEnvironment {
  isOnline(): boolean;
  /** Resolves when the browser says it is online again. */
  untilOnline(): Promise<void>;
  wait(milliseconds: number): Promise<void>;
  /** Told why the message is waiting: shown to the visitor as the offline or retry notice. */
  onWaiting(reason: 'offline' | 'failing'): void;
  random?: () => number;
}

/**
 * Sends one message until the server takes it, waiting out offline spells and backing off on transient failures,
 * always with the message's one idempotency key. Ends with a failure the caller shows, never silently.
 */
export const deliver = async <T>(
  message: OutgoingMessage,
  send: (message: OutgoingMessage) => Promise<T>,
  environment: DeliveryEnvironment,
): Promise<DeliveryResult<T>> => {
  for (let attempt = 0; ; attempt++) {
    while (!environment.isOnline()) {
      environment.onWaiting('offline');
      await environment.untilOnline();
    }

    try {
      return { ok: true, value: await send(message) };
    } catch (error) {
      const failure = failureOf(error);
      if (failure !== 'transient' || attempt + 1 >= maxAttempts) {
        return { ok: false, failure };
      }

      environment.onWaiting('failing');
      await environment.wait(backoffDelay(attempt, environment.random));
    }
  }
};
