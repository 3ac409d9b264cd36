import type { ChatMessage, QuestionFormat } from './api';
import { safeHref } from './rich-text';

export type Speaker = 'visitor' | 'agent' | 'team';

export interface CitationView {
  readonly title: string;
  /** Only an http(s) address; a source without one is named without a link. */
  readonly href: string | null;
}

export interface QuickReply {
  readonly part: 'suggestion' | 'choice';
  readonly text: string;
}

/** How the input asks for the answer to a question: the keyboard a phone shows, what the browser may fill in. */
export interface InputSpec {
  readonly type: 'text' | 'email' | 'tel' | 'date';
  readonly inputMode: 'text' | 'email' | 'tel' | 'decimal' | 'none';
  readonly autocomplete: 'off' | 'email' | 'tel';
  readonly placeholder: 'placeholder' | 'emailPlaceholder' | 'phonePlaceholder' | 'datePlaceholder' | 'numberPlaceholder';
}

/** One message as the dialog draws it, whatever kind of reply it is. */
export interface MessageView {
  readonly sequence: number;
  readonly speaker: Speaker;
  readonly text: string;
  readonly citations: readonly CitationView[];
  readonly quickReplies: readonly QuickReply[];
  /** The input for the next answer: set by a question, back to free text by any other agent message. */
  readonly input: InputSpec;
  readonly hint: string | null;
  readonly canSkip: boolean;
  /** The business's number to call, for an emergency. */
  readonly emergencyPhone: string | null;
  /** The business's number offered when the agent can't help (a tap-to-call link in the message). */
  readonly callPhone: string | null;
  readonly afterHours: boolean;
}

export const freeText: InputSpec = { type: 'text', inputMode: 'text', autocomplete: 'off', placeholder: 'placeholder' };

export const inputFor = (format: QuestionFormat | null | undefined): InputSpec => {
  switch (format) {
    case 'Email':
      return { type: 'email', inputMode: 'email', autocomplete: 'email', placeholder: 'emailPlaceholder' };
    case 'Phone':
      return { type: 'tel', inputMode: 'tel', autocomplete: 'tel', placeholder: 'phonePlaceholder' };
    case 'Date':
      return { type: 'date', inputMode: 'none', autocomplete: 'off', placeholder: 'datePlaceholder' };
    case 'Number':
      return { type: 'text', inputMode: 'decimal', autocomplete: 'off', placeholder: 'numberPlaceholder' };
    default:
      return freeText;
  }
};

const speakerOf = (message: ChatMessage): Speaker =>
  message.role === 'Visitor' ? 'visitor' : message.role === 'Owner' ? 'team' : 'agent';

const citationsOf = (message: ChatMessage): CitationView[] => {
  const seen = new Set<string>();
  const citations: CitationView[] = [];
  for (const citation of message.citations ?? []) {
    const href = safeHref(citation.link);
    const key = href ?? citation.sourceTitle;
    if (!seen.has(key)) {
      seen.add(key);
      citations.push({ title: citation.sourceTitle || href || '', href });
    }
  }

  return citations;
};

/** The chat text's closing "Source: A, B" paragraph, which the widget draws as links instead. */
const sourceParagraph = /\n\n[^\n:]{1,30}: ([^\n]+)$/;

export const withoutSourceParagraph = (text: string, message: ChatMessage): string => {
  const titles = [...new Set((message.citations ?? []).map((c) => c.sourceTitle))].join(', ');
  const paragraph = sourceParagraph.exec(text);
  return titles !== '' && paragraph !== null && paragraph[1] === titles ? text.slice(0, paragraph.index) : text;
};

const texts = (values: readonly string[] | null | undefined): string[] => (values ?? []).filter((v) => v.trim() !== '');

export const messageViewOf = (message: ChatMessage): MessageView => {
  const reply = message.reply ?? null;
  const kind = reply?.kind;
  const quickReplies: QuickReply[] =
    kind === 'notFound'
      ? texts(reply?.suggestions).map((text) => ({ part: 'suggestion', text }))
      : kind === 'question'
        ? texts(reply?.choices).map((text) => ({ part: 'choice', text }))
        : [];
  return {
    sequence: message.sequence,
    speaker: speakerOf(message),
    text: message.role === 'Visitor' ? message.text : withoutSourceParagraph(message.text, message),
    citations: citationsOf(message),
    quickReplies,
    input: kind === 'question' ? inputFor(reply?.format) : freeText,
    hint: kind === 'question' && reply?.hint ? reply.hint : null,
    canSkip: kind === 'question' && reply?.canSkip === true,
    emergencyPhone: kind === 'emergency' && reply?.businessPhone ? reply.businessPhone : null,
    callPhone: kind === 'unavailable' && reply?.businessPhone ? reply.businessPhone : null,
    afterHours: kind === 'thanks' && reply?.openNow === false,
  };
};

/** A tel: address keeps only what a dialler reads. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;
