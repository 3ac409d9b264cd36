/** The dialog's CSS, inside the shadow root; motion only for visitors who haven't asked for less. */
export const chatCss = `
.dialog{position:fixed;z-index:2147483000;bottom:88px;right:20px;width:370px;max-width:calc(100vw - 40px);height:560px;max-height:calc(100vh - 108px);display:flex;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:14px;box-shadow:0 8px 32px rgba(0,0,0,.28);overflow:hidden}
.left .dialog{right:auto;left:20px}
@media (prefers-reduced-motion:no-preference){.dialog{animation:smb-in .18s ease-out}}
@keyframes smb-in{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}
@media (max-width:480px){.dialog{inset:0;top:var(--smb-viewport-top,0);width:100%;max-width:none;height:var(--smb-viewport-height,100%);max-height:none;border-radius:0}}
.header{display:flex;align-items:center;gap:8px;padding:12px 14px;background:var(--smb-primary);color:var(--smb-on-primary)}
.title{flex:1;margin:0;font-size:16px;font-weight:600;line-height:1.3}
.subtitle{display:block;font-size:12px;font-weight:400}
button,input{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.header :focus-visible,.send:focus-visible{outline-color:var(--smb-on-primary);box-shadow:0 0 0 5px var(--smb-primary)}
.close{width:36px;height:36px;border:0;border-radius:50%;background:transparent;color:inherit;font-size:24px;line-height:1}
.notice{margin:0;padding:8px 14px;font-size:13px;background:#fff4d6;color:#3d2e00}
.emergency{padding:10px 14px;background:#b00020;color:#fff;font-weight:600}
.emergency a{color:#fff;text-decoration:underline;margin-left:4px}
.emergency a:focus-visible{outline-color:#fff}
.messages{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;overscroll-behavior:contain}
.message{max-width:85%;padding:8px 12px;border-radius:12px;background:#f1f3f5;color:#1a1a1a;overflow-wrap:anywhere;align-self:flex-start}
.message[data-role=visitor]{align-self:flex-end;background:var(--smb-primary);color:var(--smb-on-primary)}
.message[data-role=team]{background:#e6f4ea;color:#0d3018}
.message p,.message ul,.message ol{margin:0}
.message p+p,.message p+ul,.message p+ol,.message ul+p,.message ol+p{margin-top:6px}
.message ul,.message ol{padding-left:20px}
.message a{color:#0b57d0}
.message[data-role=visitor] a{color:inherit}
.from{display:block;font-size:12px;font-weight:600;margin-bottom:2px}
.sources{margin-top:6px;font-size:13px}
.sources a,.sources span{display:inline-block;margin-right:8px}
.pending{box-shadow:inset 0 0 0 2px rgba(255,255,255,.6)}
.failed{outline:2px solid #b00020}
.quick{display:flex;flex-wrap:wrap;gap:6px;padding:0 14px 8px}
.quick button{padding:6px 12px;border:1px solid var(--smb-primary);border-radius:16px;background:#fff;color:#1a1a1a}
.typing{padding:0 14px 8px;font-size:13px;color:#555}
.retry{display:flex;align-items:center;gap:8px;padding:8px 14px;background:#fdecea;color:#5f0a0a;font-size:13px}
.retry p{flex:1;margin:0}
.retry button{padding:4px 10px;border:1px solid #5f0a0a;border-radius:6px;background:#fff;color:#5f0a0a}
.unavailable{padding:24px 14px;text-align:center;color:#333}
.composer{display:flex;flex-direction:column;gap:4px;padding:10px 14px;border-top:1px solid #e3e3e3}
.row{display:flex;gap:8px}
.hint{margin:0;font-size:12px;color:#7a2e00}
.input{flex:1;min-width:0;padding:9px 10px;border:1px solid #767676;border-radius:8px;background:#fff;color:#1a1a1a;font-size:16px}
.send{padding:0 14px;border:0;border-radius:8px;background:var(--smb-primary);color:var(--smb-on-primary);font-weight:600}
.send:disabled{opacity:.6;cursor:default}
.branding{display:block;padding:4px 0 8px;text-align:center;font-size:11px;color:#555;text-decoration:none}
.branding:hover{text-decoration:underline}
`;
