import { warnIfOriginRefused, warnOriginRefused } from './problems';

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

/**
 * The API answers a site it doesn't allow without CORS headers, so the browser hides that answer as if the network had
 * failed. An opaque no-cors request then tells the two apart: it reaches a server that is up.
 */
const refusedByCors = async (url: string): Promise<boolean> => {
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit' });
    return true;
  } catch {
    return false;
  }
};

export const fetchConfiguration = async (api: string, key: string, language: string): Promise<ConfigurationResult> => {
  const url = `${api}/api/widget/${encodeURIComponent(key)}/config?language=${encodeURIComponent(language)}`;
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch {
    if (navigator.onLine !== false && (await refusedByCors(url))) {
      warnOriginRefused();
      return { status: 'unavailable' };
    }

    return { status: 'failed' };
  }

  try {
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
