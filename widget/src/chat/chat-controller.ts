import type { ConfigurationResult, WidgetConfiguration } from '../shared/configuration';
import type { ChatController, MountChat, WidgetContext } from '../shared/context';
import { launcherTexts } from '../shared/launcher-texts';
import { adoptStyles } from '../shared/stylesheets';
import { createChatApi, failureOf, type ChatMessage, type Turn } from './api';
import { chatCss } from './chat-styles';
import { conversationStore, siteStorage } from './conversation-store';
import { deliver, outgoing, type OutgoingMessage } from './delivery';
import { createDialog } from './dialog';
import { button } from './dom';
import { freeText, messageViewOf } from './message-view';
import { pollDelay } from './polling';
import { chatTexts } from './texts';
import { followViewport } from './viewport';

export const mountChat: MountChat = (context: WidgetContext): ChatController => {
  const texts = chatTexts[context.language];
  const launcherWords = launcherTexts[context.language];
  adoptStyles(context.root, chatCss);
  const api = createChatApi(context.api, context.widgetKey);
  const store = conversationStore(siteStorage(), context.widgetKey);
  const view = createDialog(texts);
  context.frame.lang = context.language;
  context.frame.appendChild(view.dialog);

  let configuration: WidgetConfiguration | undefined;
  let open = false;
  let busy = false;
  let unread = 0;
  let lastSequence = 0;
  let welcomeShown = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts sends, so a poll that was under way when one began drops its page: the turn's own answer draws those messages. */
  let sends = 0;

  const online = (): boolean => navigator.onLine !== false;

  const updateLauncher = (): void => {
    context.launcher.setAttribute('aria-expanded', String(open));
    const label = open ? launcherWords.close : launcherWords.open;
    context.launcher.setAttribute('aria-label', unread > 0 && !open ? `${label} (${texts.unread.replace('{n}', String(unread))})` : label);
    context.badge.textContent = String(unread);
    context.badge.hidden = unread === 0 || open;
  };

  const markSeen = (): void => {
    unread = 0;
    store.saveSeen(lastSequence);
    updateLauncher();
  };

  const showMessage = (message: ChatMessage, withReplyParts: boolean): void => {
    if (message.sequence <= lastSequence) {
      return;
    }

    lastSequence = message.sequence;
    const shown = messageViewOf(message);
    view.addMessage(shown);
    if (shown.speaker === 'visitor') {
      return;
    }

    if (!open && message.sequence > store.seen()) {
      unread++;
    }

    if (shown.emergencyPhone !== null) {
      view.showEmergency(shown.emergencyPhone);
    }

    if (shown.afterHours) {
      view.showAfterHours();
    }

    if (withReplyParts) {
      view.setInput(shown.input, shown.hint);
      const quick = shown.quickReplies.map((reply) => {
        const choice = button('', reply.part, reply.text);
        choice.addEventListener('click', () => submit(reply.text));
        return choice;
      });
      if (shown.canSkip) {
        const skip = button('', 'skip', texts.skip);
        skip.addEventListener('click', () => submit(texts.skipWord));
        quick.push(skip);
      }

      view.setQuickReplies(quick);
    }
  };

  const showWelcome = (): void => {
    if (!welcomeShown && lastSequence === 0 && configuration !== undefined && configuration.welcomeMessage !== '') {
      welcomeShown = true;
      view.addMessage({ speaker: 'agent', text: configuration.welcomeMessage, citations: [], callPhone: null });
    }
  };

  const startConversation = async (): Promise<string> => {
    const started = await api.start(context.language);
    store.saveToken(started.token);
    // Its first message is the welcome already on screen; a conversation started over counts its sequences anew.
    lastSequence = Math.max(0, ...started.messages.map((m) => m.sequence));
    return started.token;
  };

  const sendOnce = async (message: OutgoingMessage): Promise<Turn> => {
    const token = store.token() ?? (await startConversation());
    try {
      return await api.send(token, message.text, message.idempotencyKey);
    } catch (error) {
      if (failureOf(error) !== 'restart') {
        throw error;
      }

      store.forget();
      return api.send(await startConversation(), message.text, message.idempotencyKey);
    }
  };

  /** What the retry button does while it is shown; coming back online does it too. */
  let retryAction: (() => void) | undefined;

  const offerRetry = (action: () => void): void => {
    retryAction = action;
    view.showRetry(texts.failed, true);
  };

  const clearNotice = (): void => {
    retryAction = undefined;
    view.showRetry(null, false);
  };

  const retryNow = (): void => {
    const action = retryAction;
    clearNotice();
    action?.();
  };
  view.retryButton.addEventListener('click', retryNow);

  const showUnavailable = (): void => {
    view.showUnavailable(true);
    clearNotice();
  };

  const dispatch = async (message: OutgoingMessage, bubble: HTMLElement): Promise<void> => {
    sends++;
    busy = true;
    view.send.disabled = true;
    view.typing.hidden = false;
    clearNotice();
    const result = await deliver(message, sendOnce, {
      isOnline: online,
      untilOnline: () => new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true })),
      wait: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
      onWaiting: (reason) => view.showRetry(reason === 'offline' ? texts.offline : texts.failing, false),
    });
    busy = false;
    view.send.disabled = false;
    view.typing.hidden = true;
    if (result.ok) {
      clearNotice();
      bubble.classList.remove('pending');
      lastSequence = Math.max(lastSequence, result.value.message.sequence);
      result.value.replies.forEach((reply) => showMessage(reply, true));
      if (open) {
        markSeen();
      } else {
        updateLauncher();
      }

      return;
    }

    if (result.failure === 'unavailable') {
      showUnavailable();
      return;
    }

    bubble.classList.add('failed');
    if (result.failure === 'transient') {
      offerRetry(() => {
        bubble.classList.remove('failed');
        void dispatch(message, bubble);
      });
    } else {
      view.showRetry(texts.notSent, false);
      view.input.value = message.text;
    }
  };

  const submit = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed === '' || busy) {
      return;
    }

    // A quick reply's button goes away with the others: focus stays in the dialog (so Escape still closes it), on the log.
    if (view.quick.contains(context.root.activeElement)) {
      view.messages.focus();
    }

    view.setQuickReplies([]);
    view.setInput(freeText, null);
    const bubble = view.addMessage({ speaker: 'visitor', text: trimmed, citations: [], callPhone: null });
    bubble.classList.add('pending');
    void dispatch(outgoing(trimmed), bubble);
  };

  view.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = view.input.value;
    if (text.trim() !== '' && !busy) {
      view.input.value = '';
      submit(text);
    }
  });

  /** Everything after the last shown sequence, page by page (throws when the conversation is gone). */
  const fetchNewMessages = async (): Promise<void> => {
    const token = store.token();
    if (token === null) {
      return;
    }

    const generation = sends;
    for (let after = lastSequence; ; ) {
      const page = await api.transcript(token, after);
      if (generation !== sends) {
        return;
      }

      // A transcript's messages come without their reply parts: those belonged to the turn that sent them.
      page.messages.forEach((message) => showMessage(message, false));
      if (page.next === null || page.next === undefined) {
        return;
      }

      after = page.next;
    }
  };

  const poll = (): void => {
    pollTimer = undefined;
    if (!open) {
      return;
    }

    const next = (): void => {
      if (open && pollTimer === undefined) {
        pollTimer = setTimeout(poll, pollDelay(document.visibilityState === 'hidden'));
      }
    };
    if (busy || !online() || store.token() === null) {
      next();
      return;
    }

    fetchNewMessages()
      .then(() => {
        if (open) {
          markSeen();
        }
      })
      .catch(() => undefined)
      .finally(next);
  };

  const restartPolling = (): void => {
    clearTimeout(pollTimer);
    pollTimer = undefined;
    if (open) {
      pollTimer = setTimeout(poll, pollDelay(document.visibilityState === 'hidden'));
    }
  };
  document.addEventListener('visibilitychange', restartPolling);

  /** The conversation this site's visitor already had, drawn again; a gone one is forgotten for a new start. */
  const restore = async (): Promise<void> => {
    try {
      await fetchNewMessages();
    } catch (error) {
      if (failureOf(error) === 'restart') {
        store.forget();
      }
    }

    // A transcript that failed to come is drawn by the next poll, welcome included.
    if (store.token() === null) {
      showWelcome();
    }

    updateLauncher();
  };

  const applyConfiguration = (result: ConfigurationResult): void => {
    configuration = result.status === 'ready' ? result.configuration : undefined;
    view.configure(configuration);
    view.showUnavailable(result.status === 'unavailable');
    if (result.status === 'failed') {
      offerRetry(() => void context.reloadConfiguration().then(applyConfiguration));
    } else if (online()) {
      clearNotice();
    } else {
      view.showRetry(texts.offline, false);
    }

    if (result.status === 'ready') {
      void restore();
    }
  };

  // A message on its way watches the network itself (delivery); these are for the chat at rest.
  window.addEventListener('offline', () => {
    if (!busy && retryAction === undefined) {
      view.showRetry(texts.offline, false);
    }
  });
  window.addEventListener('online', () => {
    if (!busy) {
      retryNow();
    }
  });

  let stopFollowingViewport = (): void => undefined;

  const show = (): void => {
    open = true;
    view.dialog.hidden = false;
    markSeen();
    stopFollowingViewport = followViewport(view.dialog);
    (view.composer.hidden ? view.close : view.input).focus();
    restartPolling();
  };

  const hide = (): void => {
    open = false;
    view.dialog.hidden = true;
    stopFollowingViewport();
    updateLauncher();
    clearTimeout(pollTimer);
    pollTimer = undefined;
    context.launcher.focus();
  };

  view.close.addEventListener('click', hide);
  // On the frame, so Escape closes the chat from the launcher too.
  context.frame.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      hide();
    }
  });

  applyConfiguration(context.configuration);

  return { toggle: () => (open ? hide() : show()) };
};
