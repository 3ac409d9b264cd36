/** The code the API puts in its 403 problem when the page's origin is not one the owner allowed. */
export const originNotAllowed = 'Widget:OriginNotAllowed';

export const problemCodeOf = async (response: Response): Promise<string | undefined> => {
  try {
    const body = (await response.json()) as { code?: unknown };
    return typeof body.code === 'string' ? body.code : undefined;
  } catch {
    return undefined;
  }
};

/** The visitor sees "unavailable"; the site's owner, reading the console, learns why. */
export const warnOriginRefused = (): void =>
  console.warn(`SmbAgent chat: ${location.origin} is not among this widget's allowed origins; add it on the Install page.`);

export const warnIfOriginRefused = async (response: Response): Promise<void> => {
  if (response.status === 403 && (await problemCodeOf(response.clone())) === originNotAllowed) {
    warnOriginRefused();
  }
};
