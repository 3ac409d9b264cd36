import type { ConfigurationResult } from './configuration';
import type { Language } from './languages';

/** What the loader hands the chat bundle when it has loaded: the host it drew and the configuration it fetched. */
export interface WidgetContext {
  readonly api: string;
  readonly widgetKey: string;
  readonly root: ShadowRoot;
  /** The element inside the shadow root that everything is drawn into (the host page's CSS never reaches it). */
  readonly frame: HTMLElement;
  readonly launcher: HTMLButtonElement;
  readonly badge: HTMLElement;
  readonly language: Language;
  readonly configuration: ConfigurationResult;
  /** Fetches the configuration again (after a failure) and redraws the launcher with it. */
  readonly reloadConfiguration: () => Promise<ConfigurationResult>;
}

/** The chat as the loader drives it: the launcher's clicks go to toggle once it is there. */
export interface ChatController {
  toggle(): void;
}

export type MountChat = (context: WidgetContext) => ChatController;

/** The one global: the chat bundle calls ready with its mount function, the loader answers with the context. */
export interface WidgetGlobal {
  ready(mount: MountChat): void;
}

declare global {
  interface Window {
    SmbAgentWidget?: WidgetGlobal;
  }
}
