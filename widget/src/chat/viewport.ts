/**
 * On a phone the dialog is a full-screen sheet: it follows the visual viewport, so the on-screen keyboard shrinks the
 * sheet instead of covering its input. Returns the function that stops following.
 */
export const followViewport = (dialog: HTMLElement): (() => void) => {
  const viewport = window.visualViewport;
  if (viewport === null || viewport === undefined) {
    return () => undefined;
  }

  const follow = (): void => {
    dialog.style.setProperty('--smb-viewport-height', `${viewport.height}px`);
    dialog.style.setProperty('--smb-viewport-top', `${viewport.offsetTop}px`);
  };
  follow();
  viewport.addEventListener('resize', follow);
  viewport.addEventListener('scroll', follow);
  return () => {
    viewport.removeEventListener('resize', follow);
    viewport.removeEventListener('scroll', follow);
  };
};
