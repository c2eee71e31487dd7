/* Jivo widget module "style": the widget's stylesheet, scoped to its shadow root. Loaded with
 * the strings before the widget draws; the core adopts it as a constructed sheet, which a page's
 * Content-Security-Policy (style-src) does not block (issue 12 item 1).
 * The host page may have "* { all: unset !important }": important declarations of the shadow
 * tree win over the page's, so the host is reset and placed from in here. Sizes are px only
 * (a page may set a huge root font-size). */
window['jivo_style'](() => {
  var B = '#1f7a5c'; // the brand colour
  return (
    ':host{all:initial!important;display:block!important;position:fixed!important;inset:auto 0 0 auto!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;background:none!important;overflow:visible!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;z-index:2147483647!important;pointer-events:none!important}' +
    '[hidden]{display:none!important}.dc{display:contents}' +
    '.w{all:initial;font:14px/20px -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1f23;pointer-events:auto;-webkit-font-smoothing:antialiased}' +
    '.w *,.w *::before,.w *::after{box-sizing:border-box}' +
    'button,input,textarea{font:inherit;color:inherit;margin:0}' +
    'svg{width:24px;height:24px;fill:currentColor;display:block}' +
    '.launcher{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:28px;border:0;padding:0;background:' + B + ';color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 6px 20px rgba(0,0,0,.22);transition:transform .15s}' +
    '.launcher:hover{transform:scale(1.06)}.launcher svg{width:28px;height:28px}' +
    '.badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;border-radius:10px;background:#d93025;color:#fff;font-size:12px;line-height:20px;font-weight:700;padding:0 6px;text-align:center}' +
    '.win{position:fixed;right:20px;bottom:88px;width:360px;height:520px;max-height:calc(100vh - 108px);border-radius:16px;background:#fff;box-shadow:0 12px 48px rgba(0,0,0,.22);display:flex;flex-direction:column;overflow:hidden}' +
    '.hd{background:' + B + ';color:#fff;padding:14px 12px 14px 16px;display:flex;align-items:center;gap:6px;flex:none}' +
    '.ht{flex:1;min-width:0}' +
    '.hn{font-size:16px;line-height:22px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
    '.hs{font-size:12px;line-height:16px;opacity:.9;display:flex;align-items:center;gap:6px}' +
    '.dot{width:8px;height:8px;border-radius:4px;background:#b9c4bf;flex:none}' +
    '.on .dot{background:#6ee7a8}' +
    '.ib{background:none;border:0;color:#fff;width:34px;height:34px;border-radius:17px;cursor:pointer;display:flex;align-items:center;justify-content:center;padding:0;opacity:.9}' +
    '.ib:hover{background:rgba(255,255,255,.16);opacity:1}.ib svg{width:20px;height:20px}' +
    '.notice{background:#fff4e5;color:#663c00;font-size:13px;line-height:18px;padding:8px 14px;border-bottom:1px solid #f3d9b1;flex:none}' +
    '.list{flex:1;overflow-y:auto;padding:16px 14px 8px;background:#f5f7f6;display:flex;flex-direction:column;gap:6px}' +
    '.row{display:flex;flex-direction:column;max-width:80%;align-self:flex-start;align-items:flex-start}' +
    '.row.me{align-self:flex-end;align-items:flex-end}' +
    '.bub{padding:8px 12px;border-radius:16px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;background:#fff;border:1px solid #e1e7e4;border-bottom-left-radius:4px}' +
    '.me .bub{background:' + B + ';color:#fff;border-color:' + B + ';border-radius:16px 16px 4px 16px}' +
    '.bub a{color:inherit;text-decoration:underline}' +
    '.who{font-size:12px;line-height:16px;color:#5f6b66;margin:4px 4px 2px}' +
    '.meta{font-size:11px;line-height:14px;color:#8a9590;margin:2px 4px 0}' +
    '[data-state=sending] .bub{opacity:.65}' +
    '[data-state=failed] .bub{background:#fbe9e7;color:#8c1d18;border-color:#f2b8b5}' +
    '[data-state=failed] .meta{color:#b3261e}' +
    '.meta .rt{padding:0;color:inherit;font-size:inherit;line-height:inherit;font-weight:600}' +
    '.sys{align-self:center;font-size:12px;line-height:16px;color:#5f6b66;background:#e7edea;padding:3px 10px;border-radius:10px;margin:6px 0;text-align:center;max-width:90%}' +
    '.typing{padding:4px 16px 6px;font-size:12px;line-height:16px;color:#5f6b66;font-style:italic;background:#f5f7f6;flex:none}' +
    '.comp{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid #e1e7e4;background:#fff;flex:none}' +
    '.ib.eb{color:#5f6b66;opacity:1;width:40px;height:40px;flex:none;font-size:24px;line-height:40px}.ib.eb:hover{background:#eef6f2}' +
    '.in{flex:1;resize:none;border:1px solid #cfd8d4;border-radius:20px;padding:9px 14px;height:40px;min-height:40px;max-height:120px;outline:none;background:#fff;line-height:20px;display:block}' +
    '.in:focus,.fi:focus{border-color:' + B + ';box-shadow:0 0 0 3px rgba(31,122,92,.15)}' +
    '.sb{width:40px;height:40px;border-radius:20px;border:0;background:' + B + ';color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;padding:0;flex:none}' +
    '.sb:disabled,.btn:disabled{opacity:.5;cursor:default}.sb svg{width:20px;height:20px}' +
    '.form{flex:1;overflow-y:auto;padding:14px 16px;display:flex;flex-direction:column;gap:8px;background:#fff}.form>*{flex:none}' +
    '.intro{color:#44504b;margin:0}' +
    '.lbl{display:flex;flex-direction:column;gap:4px;font-size:12px;line-height:16px;color:#44504b;font-weight:600}' +
    '.fi{border:1px solid #cfd8d4;border-radius:8px;padding:9px 10px;font-size:14px;line-height:20px;font-weight:400;outline:none;background:#fff;color:#1b1f23;width:100%;display:block}' +
    'textarea.fi{min-height:72px;height:72px;resize:vertical}' +
    '.btn{background:' + B + ';color:#fff;border:0;border-radius:8px;padding:10px 14px;font-weight:600;cursor:pointer}' +
    '.lnk{background:none;border:0;color:' + B + ';cursor:pointer;padding:4px;text-decoration:underline;align-self:center}' +
    '.ok{color:#1f5c45;background:#e6f4ee;border-radius:8px;padding:12px}' +
    '.err{color:#b3261e;font-size:12px;line-height:16px}.err:empty{display:none}' +
    '@media (max-width:479px){.win{inset:0;width:100%;height:100%;max-height:none;border-radius:0}' +
    '.open .launcher{display:none}.in,.fi{font-size:16px}}'
  );
});
