import type { WidgetConfiguration } from '../shared/configuration';
import { button, element } from './dom';
import { telHref, type InputSpec, type MessageView } from './message-view';
import { renderText } from './rich-text';
import type { ChatTexts } from './texts';

/** The dialog's parts, built once; the controller shows, hides and fills them. */
export const createDialog = (texts: ChatTexts) => {
  const dialog = element('section', 'dialog', 'dialog');
  dialog.hidden = true;
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'false');
  dialog.setAttribute('aria-labelledby', 'smbagent-title');

  const header = element('div', 'header');
  const title = element('h2', 'title');
  const businessName = element('span', '');
  businessName.id = 'smbagent-title';
  const agentName = element('span', 'subtitle');
  title.append(businessName, agentName);
  const close = button('close', 'close', '×');
  close.setAttribute('aria-label', texts.close);
  header.append(title, close);

  const afterHours = element('p', 'notice', 'after-hours', texts.afterHours);
  afterHours.hidden = true;
  const emergency = element('div', 'emergency', 'emergency');
  emergency.hidden = true;
  emergency.setAttribute('role', 'alert');

  const messages = element('div', 'messages', 'messages');
  messages.setAttribute('role', 'log');
  messages.setAttribute('aria-live', 'polite');
  messages.tabIndex = 0;

  const unavailable = element('p', 'unavailable', 'unavailable', texts.unavailable);
  unavailable.hidden = true;
  const typing = element('div', 'typing', 'typing', texts.typing);
  typing.hidden = true;
  const quick = element('div', 'quick');
  quick.setAttribute('role', 'group');
  quick.setAttribute('aria-label', texts.didYouMean);
  const retry = element('div', 'retry', 'retry');
  retry.hidden = true;
  retry.setAttribute('role', 'status');
  const retryText = element('p', '');
  const retryButton = button('', 'retry-button', texts.retry);
  retry.append(retryText, retryButton);

  const composer = element('form', 'composer');
  const hint = element('p', 'hint');
  hint.hidden = true;
  hint.id = 'smbagent-hint';
  const row = element('div', 'row');
  const input = element('input', 'input', 'input');
  input.maxLength = 2000;
  input.setAttribute('aria-label', texts.placeholder);
  const send = element('button', 'send', 'send', texts.send);
  send.type = 'submit';
  row.append(input, send);
  composer.append(hint, row);

  const branding = element('a', 'branding', 'branding', texts.poweredBy);
  branding.href = 'https://smbagent.dev/';
  branding.target = '_blank';
  branding.rel = 'noopener noreferrer';

  dialog.append(header, afterHours, emergency, messages, unavailable, typing, quick, retry, composer, branding);

  const setInput = (spec: InputSpec, hintText: string | null): void => {
    input.type = spec.type;
    input.inputMode = spec.inputMode;
    input.autocomplete = spec.autocomplete;
    input.placeholder = texts[spec.placeholder];
    hint.textContent = hintText ?? '';
    hint.hidden = hintText === null;
    if (hintText === null) {
      input.removeAttribute('aria-describedby');
    } else {
      input.setAttribute('aria-describedby', hint.id);
    }
  };
  setInput({ type: 'text', inputMode: 'text', autocomplete: 'off', placeholder: 'placeholder' }, null);

  const scrollToEnd = (): void => {
    messages.scrollTop = messages.scrollHeight;
  };

  return {
    dialog,
    close,
    messages,
    input,
    send,
    composer,
    quick,
    typing,
    retryButton,
    setInput,

    configure(configuration: WidgetConfiguration | undefined): void {
      businessName.textContent = configuration?.businessName ?? '';
      agentName.textContent = configuration?.agentName ?? '';
      afterHours.hidden = configuration === undefined || configuration.openNow;
      branding.hidden = configuration?.showBranding === false;
    },

    showUnavailable(shown: boolean): void {
      unavailable.hidden = !shown;
      composer.hidden = shown;
      messages.hidden = shown;
    },

    showRetry(text: string | null, withButton: boolean): void {
      retry.hidden = text === null;
      retryText.textContent = text ?? '';
      retryButton.hidden = !withButton;
    },

    showEmergency(phone: string): void {
      emergency.replaceChildren(document.createTextNode(texts.emergency));
      const call = element('a', '', 'call', texts.call.replace('{phone}', phone));
      call.href = telHref(phone);
      emergency.appendChild(call);
      emergency.hidden = false;
      scrollToEnd();
    },

    showAfterHours(): void {
      afterHours.hidden = false;
    },

    /** Appends a message; returns its element so a pending visitor message can be marked sent or failed. */
    addMessage(view: Pick<MessageView, 'speaker' | 'text' | 'citations' | 'callPhone'>): HTMLElement {
      const bubble = element('div', 'message', 'message');
      bubble.dataset.role = view.speaker;
      if (view.speaker === 'team') {
        bubble.appendChild(element('span', 'from', undefined, texts.team));
      }

      bubble.appendChild(renderText(document, view.text));
      if (view.callPhone !== null) {
        const call = element('a', '', undefined, texts.call.replace('{phone}', view.callPhone));
        call.href = telHref(view.callPhone);
        bubble.appendChild(call);
      }

      if (view.citations.length > 0) {
        const sources = element('div', 'sources', undefined, `${texts.sources}: `);
        for (const citation of view.citations) {
          if (citation.href === null) {
            sources.appendChild(element('span', '', undefined, citation.title));
          } else {
            const link = element('a', '', 'citation', citation.title);
            link.href = citation.href;
            link.target = '_blank';
            link.rel = 'noopener noreferrer';
            sources.appendChild(link);
          }
        }

        bubble.appendChild(sources);
      }

      messages.appendChild(bubble);
      scrollToEnd();
      return bubble;
    },


    setQuickReplies(buttons: readonly HTMLButtonElement[]): void {
      quick.replaceChildren(...buttons);
    },
  };
};

export type Dialog = ReturnType<typeof createDialog>;
