// Started while the app's scripts load (the page's policy allows no inline script, hence this file): who is signed
// in and, on the home page, its figures and its code. The app (src/app/api.ts) takes each answer once, if it came
// back in time and well; otherwise it asks again as usual. Nothing here is needed: without it the app does the same.
(function () {
  var early = {};
  var get = function (url) {
    early[url] = fetch('/api/v1' + url, { headers: { accept: 'application/json' }, credentials: 'same-origin' }).catch(
      function () {
        return null;
      },
    );
  };
  get('/auth/me');
  if (location.pathname === '/') {
    get('/home');
    // The home page's own files, named at build time by vite.config.ts (data-home of this script).
    var files = ((document.currentScript && document.currentScript.getAttribute('data-home')) || '').split(' ');
    for (var i = 0; i < files.length; i++) {
      if (!files[i]) continue;
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = files[i];
      document.head.appendChild(link);
    }
  }
  window.__qcEarly = early;
  // An answer not taken within 10 s is stale: the app will ask again.
  setTimeout(function () {
    window.__qcEarly = {};
  }, 10000);
})();
