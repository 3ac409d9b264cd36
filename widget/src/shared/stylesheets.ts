/**
 * Constructable stylesheets, which a strict CSP does not restrict; a browser without them gets a style element inside
 * the shadow root instead.
 */
export const adoptStyles = (root: ShadowRoot, css: string): void => {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }

  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
};
