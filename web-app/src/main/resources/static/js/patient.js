// Draws each measure's chart from the table the server rendered beside it, so the chart and its
// accessible table always show the same numbers; nothing here computes a statistic.
(function () {
  'use strict';

  function numberOrNull(text) {
    if (text === null || text === undefined || text === '') {
      return null;
    }
    var n = Number(text);
    return isNaN(n) ? null : n;
  }

  function injectionDays() {
    var rows = document.querySelectorAll('#injections tbody tr[data-day]');
    return Array.prototype.map.call(rows, function (row) { return numberOrNull(row.dataset.day); })
      .filter(function (d) { return d !== null; });
  }

  function draw(article, injections) {
    var chartElement = article.querySelector('.chart');
    if (!chartElement || typeof echarts === 'undefined') {
      return;
    }
    var points = Array.prototype.map.call(article.querySelectorAll('table.values tbody tr'), function (row) {
      return [numberOrNull(row.dataset.day), numberOrNull(row.dataset.value)];
    }).filter(function (p) { return p[0] !== null && p[1] !== null; });
    var windows = Array.prototype.map.call(article.querySelectorAll('table.windows tbody tr'), function (row) {
      return [{ name: row.dataset.window, xAxis: numberOrNull(row.dataset.first) },
              { xAxis: numberOrNull(row.dataset.last) }];
    });
    var lines = [];
    var baseline = numberOrNull(chartElement.dataset.baseline);
    if (baseline !== null) {
      lines.push({ name: 'baseline', yAxis: baseline, lineStyle: { type: 'dashed', color: '#1f4e79' },
                   label: { formatter: 'baseline' } });
    }
    var responder = numberOrNull(chartElement.dataset.responderLine);
    if (responder !== null) {
      lines.push({ name: 'responder threshold', yAxis: responder, lineStyle: { type: 'dotted', color: '#8a4b00' },
                   label: { formatter: 'responder' } });
    }
    injections.forEach(function (day) {
      lines.push({ name: 'injection', xAxis: day, lineStyle: { type: 'solid', color: '#6b6b6b', width: 1 },
                   label: { formatter: 'inj.' } });
    });
    var chart = echarts.init(chartElement, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      grid: { left: 48, right: 72, top: 24, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: 'day', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'value', name: chartElement.dataset.unit, scale: true },
      series: [{
        name: chartElement.dataset.measure,
        type: 'line',
        data: points,
        symbolSize: 8,
        markLine: { symbol: 'none', silent: true, data: lines },
        markArea: { silent: true, itemStyle: { color: 'rgba(31, 78, 121, 0.08)' }, data: windows }
      }]
    });
    chartElement.dataset.drawnPoints = String(points.length);
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var injections = injectionDays();
    document.querySelectorAll('article.measure').forEach(function (article) { draw(article, injections); });
  });
}());
