// While a projection rebuild runs, refreshes its numbers every two seconds from the web app's own
// endpoint (which asks outcomes-service); the page works without it, a reload shows the same.
(function () {
  'use strict';

  var FIELDS = { state: 'rebuild-state', replayed: 'rebuild-replayed', total: 'rebuild-total',
                 poison: 'rebuild-poison', startedAt: 'rebuild-started', finishedAt: 'rebuild-finished' };

  function show(status) {
    Object.keys(FIELDS).forEach(function (field) {
      var element = document.getElementById(FIELDS[field]);
      if (element) {
        var value = status[field];
        element.textContent = value === null || value === undefined ? '-' : String(value);
      }
    });
    var bar = document.getElementById('rebuild-progress');
    if (bar) {
      bar.max = Number(status.total) > 0 ? Number(status.total) : 1;
      bar.value = Number(status.replayed) || 0;
    }
  }

  /** Consecutive failed polls before the page stops following (a minute at five seconds each). */
  var ATTEMPTS = 12;

  function stop(box, text) {
    box.dataset.running = 'false';
    var note = document.getElementById('rebuild-following');
    if (note) {
      note.textContent = text;
      note.hidden = false;
    }
  }

  // Asked as a script (X-Requested-With), never following a redirect: once the session has ended the
  // answer is a refusal or a redirect to sign in, and following it from here would start a sign-in
  // behind the person's back (overwriting the one they may be doing in another tab).
  function follow(box, failures) {
    fetch(box.dataset.url, { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
                             credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
          stop(box, 'Your session has ended: reload the page to sign in and see the rebuild again.');
          return undefined;
        }
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        if (status) {
          show(status);
          box.dataset.running = String(status.state === 'REPLAYING');
          if (box.dataset.running === 'true') {
            window.setTimeout(function () { follow(box, 0); }, 2000);
          }
        }
      })
      .catch(function () {
        if (failures + 1 >= ATTEMPTS) {
          stop(box, 'The rebuild\'s progress could not be read for a minute: reload the page to see it again.');
        } else {
          window.setTimeout(function () { follow(box, failures + 1); }, 5000);
        }
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('rebuild-status');
    if (box && box.dataset.running === 'true') {
      follow(box, 0);
    }
  });
}());
