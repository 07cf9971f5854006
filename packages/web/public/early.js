// Started while the app's scripts load (the page's policy allows no inline script, hence this file): who is signed
// in and, on the home page, its figures and its code. The app (src/app/api.ts) takes each answer once, if it came
// back in time and well; otherwise it asks again as usual. Nothing here is needed: without it the app does the same.
(() => {
  const early = {};
  const get = (url) => {
    early[url] = fetch(`/api/v1${url}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).catch(
      () => null,
    );
  };
  get('/auth/me');
  if (location.pathname === '/') {
    get('/home');
    // The home page's own files, named at build time by vite.config.ts (data-home of this script).
    const files = (document.currentScript?.getAttribute('data-home') || '').split(' ');
    for (const file of files) {
      if (!file) continue;
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = file;
      document.head.appendChild(link);
    }
  }
  window.__qcEarly = early;
  // An answer not taken within 10 s is stale: the app will ask again.
  setTimeout(() => {
    window.__qcEarly = {};
  }, 10000);
})();
