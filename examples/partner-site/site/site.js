// The partner site's own script (not Tandem's): a light/dark switch that also
// sets the widgets' `theme` attribute, a list of the events the widgets fire
// (what a host page can listen to), and a notice when the page has no key.
(function () {
  var STORAGE = 'pekarna.theme';
  var WIDGETS = 'tandem-opportunities, tandem-signup, tandem-hour-logger, tandem-hour-review, tandem-evaluation';
  var EVENTS = [
    'tandem-signed-up',
    'tandem-signed-in',
    'tandem-signed-out',
    'tandem-hours-logged',
    'tandem-hour-reviewed',
    'tandem-evaluation-submitted',
    'tandem-evaluation-saved',
    'tandem-error',
  ];
  var root = document.documentElement;

  function stored() {
    try {
      return localStorage.getItem(STORAGE);
    } catch (e) {
      return null;
    }
  }
  function initialTheme() {
    var chosen = stored();
    if (chosen === 'light' || chosen === 'dark') return chosen;
    return window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  // Before the page paints, so it never flashes the other theme.
  root.dataset.theme = initialTheme();

  function applyTheme(theme) {
    root.dataset.theme = theme;
    document.querySelectorAll(WIDGETS).forEach(function (widget) {
      widget.setAttribute('theme', theme);
    });
    var toggle = document.getElementById('theme-toggle');
    if (toggle) toggle.setAttribute('aria-pressed', String(theme === 'dark'));
  }

  document.addEventListener('DOMContentLoaded', function () {
    applyTheme(root.dataset.theme);
    var toggle = document.getElementById('theme-toggle');
    if (toggle) {
      toggle.addEventListener('click', function () {
        var next = root.dataset.theme === 'dark' ? 'light' : 'dark';
        try {
          localStorage.setItem(STORAGE, next);
        } catch (e) {
          // The choice then lasts for this page only.
        }
        applyTheme(next);
      });
    }

    var missingKey = Array.prototype.some.call(document.querySelectorAll(WIDGETS), function (widget) {
      return !widget.getAttribute('key');
    });
    var notice = document.getElementById('no-key');
    if (notice) notice.hidden = !missingKey;

    var log = document.getElementById('event-log');
    if (log) {
      EVENTS.forEach(function (name) {
        document.addEventListener(name, function (event) {
          var item = document.createElement('li');
          var code = document.createElement('code');
          code.textContent = name;
          item.appendChild(code);
          item.appendChild(document.createTextNode(' ' + JSON.stringify(event.detail || {})));
          log.appendChild(item);
          var empty = document.getElementById('event-log-empty');
          if (empty) empty.hidden = true;
        });
      });
    }
  });
})();
