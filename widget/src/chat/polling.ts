/** How often the open chat asks for the team's messages: often while seen, rarely from a background tab. */
export const visiblePollMilliseconds = 4000;
export const hiddenPollMilliseconds = 30000;

export const pollDelay = (hidden: boolean): number => (hidden ? hiddenPollMilliseconds : visiblePollMilliseconds);
