import { fetchConfiguration, type ConfigurationResult } from './shared/configuration';
import type { ChatController, MountChat, WidgetContext } from './shared/context';
import { languageOf } from './shared/languages';
import { applyTheme, createLauncher, launcherCss } from './shared/launcher';
import { launcherTexts } from './shared/launcher-texts';
import { adoptStyles } from './shared/stylesheets';

/** The content-hashed chat bundle's file name, put in by the build. */
declare const __CHAT_FILE__: string;

const install = (script: HTMLScriptElement): void => {
  const widgetKey = script.dataset.widgetKey;
  if (widgetKey === undefined || widgetKey === '' || document.querySelector('smbagent-widget') !== null) {
    return;
  }

  // The loader is served at {api}/widget/loader.js: the API's base is two levels up from it.
  const api = new URL('..', script.src).href.replace(/\/$/, '');
  const chatUrl = new URL(__CHAT_FILE__, script.src).href;
  const browserLanguage = languageOf(navigator.language);

  const host = document.createElement('smbagent-widget');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, launcherCss);
  const frame = document.createElement('div');
  frame.className = 'frame';
  const { launcher, badge } = createLauncher(launcherTexts[browserLanguage]);
  frame.appendChild(launcher);
  root.appendChild(frame);
  document.body.appendChild(host);

  let controller: ChatController | undefined;
  let openWhenReady = false;
  let chatRequested = false;

  const configure = async (): Promise<ConfigurationResult> => {
    const result = await fetchConfiguration(api, widgetKey, browserLanguage);
    const configuration = result.status === 'ready' ? result.configuration : undefined;
    applyTheme(frame, configuration);
    launcher.setAttribute('aria-label', launcherTexts[languageOf(configuration?.language ?? browserLanguage)].open);
    launcher.hidden = false;
    return result;
  };
  const configured = configure();

  const loadChat = (): void => {
    if (chatRequested) {
      return;
    }

    chatRequested = true;
    const chat = document.createElement('script');
    chat.src = chatUrl;
    chat.async = true;
    // A bundle that didn't come (offline, a flaky network) is asked for again at the launcher's next touch.
    chat.addEventListener('error', () => {
      chat.remove();
      chatRequested = false;
    });
    document.head.appendChild(chat);
  };

  window.SmbAgentWidget = {
    ready: (mount: MountChat) => {
      void configured.then((configuration) => {
        if (controller !== undefined) {
          return;
        }

        const context: WidgetContext = {
          api,
          widgetKey,
          root,
          frame,
          launcher,
          badge,
          language: languageOf(configuration.status === 'ready' ? configuration.configuration.language : browserLanguage),
          configuration,
          reloadConfiguration: configure,
        };
        controller = mount(context);
        if (openWhenReady) {
          controller.toggle();
        }
      });
    },
  };

  launcher.addEventListener('pointerdown', loadChat);
  launcher.addEventListener('focus', loadChat);
  launcher.addEventListener('click', () => {
    if (controller !== undefined) {
      controller.toggle();
      return;
    }

    openWhenReady = true;
    loadChat();
  });
  void configured.then(() => {
    if ('requestIdleCallback' in window) {
      requestIdleCallback(loadChat, { timeout: 10000 });
    } else {
      setTimeout(loadChat, 3000);
    }
  });
};

const script = document.currentScript;
if (script instanceof HTMLScriptElement) {
  if (document.body !== null) {
    install(script);
  } else {
    document.addEventListener('DOMContentLoaded', () => install(script), { once: true });
  }
}
