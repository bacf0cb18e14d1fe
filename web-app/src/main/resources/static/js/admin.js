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

  function follow(box) {
    fetch(box.dataset.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status) {
          show(status);
          box.dataset.running = String(status.state === 'REPLAYING');
        }
        if (box.dataset.running === 'true') {
          window.setTimeout(function () { follow(box); }, 2000);
        }
      })
      .catch(function () { window.setTimeout(function () { follow(box); }, 5000); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('rebuild-status');
    if (box && box.dataset.running === 'true') {
      follow(box);
    }
  });
}());
