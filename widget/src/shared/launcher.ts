import type { WidgetConfiguration } from './configuration';
import { safeColor, textColorOn } from './contrast';
import type { LauncherTexts } from './launcher-texts';

const svg = 'http://www.w3.org/2000/svg';

/** Everything lives in fixed boxes: the host page's layout never moves, whatever its own CSS says. */
export const launcherCss = `
:host{all:initial;position:fixed;z-index:2147483000;top:0;left:0;width:0;height:0}
.frame{all:initial;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;--smb-primary:#0b5cad;--smb-on-primary:#fff}
.frame *,.frame *::before,.frame *::after{box-sizing:border-box}
.frame [hidden]{display:none}
.launcher{position:fixed;z-index:2147483000;bottom:20px;right:20px;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;background:var(--smb-primary);color:var(--smb-on-primary);cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.left .launcher{right:auto;left:20px}
.launcher:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px;box-shadow:0 0 0 6px #fff}
.launcher svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#b00020;color:#fff;font:bold 12px/22px system-ui,sans-serif;text-align:center}
`;

export const createLauncher = (texts: LauncherTexts): { launcher: HTMLButtonElement; badge: HTMLElement } => {
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.dataset.part = 'launcher';
  launcher.hidden = true;
  launcher.setAttribute('aria-label', texts.open);
  launcher.setAttribute('aria-expanded', 'false');
  const icon = document.createElementNS(svg, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  const bubble = document.createElementNS(svg, 'path');
  bubble.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  icon.appendChild(bubble);
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.dataset.part = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  launcher.append(icon, badge);
  return { launcher, badge };
};

/** The business's colours and side, through custom properties the CSSOM sets (a strict CSP allows that). */
export const applyTheme = (frame: HTMLElement, configuration: WidgetConfiguration | undefined): void => {
  const primary = safeColor(configuration?.primaryColor, '#0b5cad');
  frame.style.setProperty('--smb-primary', primary);
  frame.style.setProperty('--smb-on-primary', textColorOn(primary));
  frame.classList.toggle('left', configuration?.position === 'BottomLeft');
};
