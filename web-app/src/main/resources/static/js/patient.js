// Draws each measure's chart from the table the server rendered beside it, so the chart and its
// accessible table always show the same numbers; nothing here computes a statistic.
(function () {
  'use strict';

  // Explicit dash patterns, 2 px wide: at 1 px ECharts' own 'dashed' and 'dotted' read as solid lines
  // on screen and in print, and the caption promises dashes and dots.
  var BASELINE_DASH = [8, 5];
  var THRESHOLD_DOTS = [2, 4];

  function numberOrNull(text) {
    if (text === null || text === undefined || text === '') {
      return null;
    }
    var n = Number(text);
    return isNaN(n) ? null : n;
  }

  // Each injection's day and number (its row's header cell), as the injections table shows them.
  function injections() {
    var rows = document.querySelectorAll('#injections tbody tr[data-day]');
    return Array.prototype.map.call(rows, function (row) {
      var nth = row.querySelector('th');
      return { day: numberOrNull(row.dataset.day), nth: nth ? nth.textContent.trim() : '' };
    }).filter(function (i) { return i.day !== null; });
  }

  function draw(article, injections) {
    var chartElement = article.querySelector('.chart');
    if (!chartElement || typeof echarts === 'undefined') {
      return;
    }
    var points = Array.prototype.map.call(article.querySelectorAll('table.values tbody tr'), function (row) {
      return [numberOrNull(row.dataset.day), numberOrNull(row.dataset.value)];
    }).filter(function (p) { return p[0] !== null && p[1] !== null; });
    // Each band is labelled with the window's change and responder status exactly as the table shows them.
    var windows = Array.prototype.map.call(article.querySelectorAll('table.windows tbody tr'), function (row) {
      var change = row.querySelector('.change');
      var responder = row.querySelector('.responder');
      var label = row.dataset.window + '\n' + (change ? change.textContent.trim() : '-')
        + (responder && responder.textContent.trim() === 'yes' ? ' responder' : '');
      return [{ name: label, xAxis: numberOrNull(row.dataset.first) },
              { xAxis: numberOrNull(row.dataset.last) }];
    });
    var lines = [];
    var baseline = numberOrNull(chartElement.dataset.baseline);
    if (baseline !== null) {
      lines.push({ name: 'baseline', yAxis: baseline, lineStyle: { type: BASELINE_DASH, width: 2, color: '#1f4e79' },
                   label: { formatter: 'baseline' } });
    }
    var responder = numberOrNull(chartElement.dataset.responderLine);
    if (responder !== null) {
      lines.push({ name: 'responder threshold', yAxis: responder,
                   lineStyle: { type: THRESHOLD_DOTS, width: 2, color: '#8a4b00' },
                   label: { formatter: 'responder' } });
    }
    injections.forEach(function (injection) {
      lines.push({ name: 'injection', xAxis: injection.day, lineStyle: { type: 'solid', color: '#6b6b6b', width: 1 },
                   label: { formatter: 'inj. ' + injection.nth } });
    });
    var chart = echarts.init(chartElement, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      // the template's own label, which ECharts would replace with a description of its first points
      aria: { enabled: true, label: { description: chartElement.getAttribute('aria-label') } },
      grid: { left: 48, right: 72, top: 40, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: 'day', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: chartElement.dataset.unit, scale: true },
      series: [{
        name: chartElement.dataset.measure,
        type: 'line',
        data: points,
        symbolSize: 8,
        markLine: { symbol: 'none', silent: true, data: lines },
        markArea: { silent: true, itemStyle: { color: 'rgba(31, 78, 121, 0.08)' },
                    label: { position: 'insideTop', fontSize: 11, color: '#333' }, data: windows }
      }]
    });
    chartElement.dataset.drawnPoints = String(points.length);
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var given = injections();
    document.querySelectorAll('article.measure').forEach(function (article) { draw(article, given); });
  });
}());
