import type { WidgetConfiguration } from '../shared/configuration';
import { problemCodeOf, warnIfOriginRefused } from '../shared/problems';

export type MessageRole = 'Visitor' | 'Agent' | 'Owner';

export type QuestionFormat = 'Text' | 'Email' | 'Phone' | 'Date' | 'Number' | 'Choice';

export interface ChatCitation {
  readonly sourceTitle: string;
  readonly link?: string | null;
}

/** The server's ChatReplyDto: kind says which of the other fields apply. */
export interface ChatReply {
  readonly kind: string;
  readonly format?: QuestionFormat | null;
  readonly choices?: readonly string[] | null;
  readonly canSkip?: boolean | null;
  readonly hint?: string | null;
  readonly businessPhone?: string | null;
  readonly openNow?: boolean | null;
  readonly suggestions?: readonly string[] | null;
}

export interface ChatMessage {
  readonly sequence: number;
  readonly role: MessageRole;
  readonly text: string;
  readonly citations?: readonly ChatCitation[] | null;
  readonly reply?: ChatReply | null;
}

export interface ConversationStarted {
  readonly token: string;
  readonly widget: WidgetConfiguration;
  readonly messages: readonly ChatMessage[];
}

export interface Turn {
  readonly message: ChatMessage;
  readonly replies: readonly ChatMessage[];
}

export interface Transcript {
  readonly messages: readonly ChatMessage[];
  readonly next?: number | null;
}

/** A refused or failed request; status 0 when the network failed before any answer. */
export class ChatApiError extends Error {
  constructor(
    readonly status: number,
    readonly code?: string,
  ) {
    super(`SmbAgent chat request failed (${status})`);
  }
}

/**
 * transient: worth sending again (network, 429, 5xx, another turn of this conversation in progress); restart: the
 * conversation is gone; unavailable: the business can't chat here; refused: this message will never be taken.
 */
export type Failure = 'transient' | 'restart' | 'unavailable' | 'refused';

export const failureOf = (error: unknown): Failure => {
  if (!(error instanceof ChatApiError)) {
    return 'transient';
  }

  const { status, code } = error;
  if (status === 0 || status === 408 || status === 429 || status >= 500 || code === 'Chat:Conflict') {
    return 'transient';
  }

  if (status === 401 || status === 404) {
    return 'restart';
  }

  return status === 403 ? 'unavailable' : 'refused';
};

export const tokenHeader = 'X-Conversation-Token';

export interface ChatApi {
  start(language: string): Promise<ConversationStarted>;
  send(token: string, text: string, idempotencyKey: string): Promise<Turn>;
  transcript(token: string, after: number): Promise<Transcript>;
}

export const createChatApi = (api: string, widgetKey: string): ChatApi => {
  const base = `${api}/api/widget/${encodeURIComponent(widgetKey)}/conversations`;
  const request = async <T>(path: string, init: RequestInit): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(base + path, { ...init, credentials: 'omit' });
    } catch {
      throw new ChatApiError(0);
    }

    if (!response.ok) {
      await warnIfOriginRefused(response.clone());
      throw new ChatApiError(response.status, await problemCodeOf(response));
    }

    return (await response.json()) as T;
  };
  const json = { 'Content-Type': 'application/json' };
  return {
    start: (language) => request('', { method: 'POST', headers: json, body: JSON.stringify({ language }) }),
    send: (token, text, idempotencyKey) =>
      request('/current/messages', {
        method: 'POST',
        headers: { ...json, [tokenHeader]: token },
        body: JSON.stringify({ text, idempotencyKey }),
      }),
    transcript: (token, after) => request(`/current?after=${after}`, { headers: { [tokenHeader]: token } }),
  };
};
