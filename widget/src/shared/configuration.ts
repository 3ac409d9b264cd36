import { warnIfOriginRefused } from './problems';

/** The server's WidgetConfigurationDto. */
export interface WidgetConfiguration {
  readonly agentName: string;
  readonly businessName: string;
  readonly primaryColor: string;
  readonly accentColor: string;
  readonly position: string;
  readonly language: string;
  readonly welcomeMessage: string;
  readonly showBranding: boolean;
  readonly openNow: boolean;
}

/** 403/404 mean the business can't chat here (unknown key, no widget feature, refused origin); the rest may pass. */
export type ConfigurationResult =
  | { readonly status: 'ready'; readonly configuration: WidgetConfiguration }
  | { readonly status: 'unavailable' }
  | { readonly status: 'failed' };

export const fetchConfiguration = async (api: string, key: string, language: string): Promise<ConfigurationResult> => {
  try {
    const response = await fetch(`${api}/api/widget/${encodeURIComponent(key)}/config?language=${encodeURIComponent(language)}`, {
      credentials: 'omit',
    });
    if (response.ok) {
      return { status: 'ready', configuration: (await response.json()) as WidgetConfiguration };
    }

    if (response.status === 403 || response.status === 404) {
      await warnIfOriginRefused(response);
      return { status: 'unavailable' };
    }

    return { status: 'failed' };
  } catch {
    return { status: 'failed' };
  }
};
