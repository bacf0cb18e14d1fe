// Draws the adverse-event chart from the table the server rendered, so the chart and its accessible
// table show the same numbers; suppressed groups are left out, never drawn as zero.
(function () {
  'use strict';

  function numberOrNull(text) {
    if (text === null || text === undefined || text === '') {
      return null;
    }
    var n = Number(text);
    return isNaN(n) ? null : n;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('safety-chart');
    if (!element || typeof echarts === 'undefined') {
      return;
    }
    var rows = Array.prototype.filter.call(document.querySelectorAll('#safety-table tbody tr'), function (row) {
      return row.dataset.suppressed !== 'true' && numberOrNull(row.dataset.rate) !== null;
    });
    var labels = rows.map(function (row) { return row.dataset.label; });
    var rates = rows.map(function (row) { return numberOrNull(row.dataset.rate); });
    var intervals = rows.map(function (row, i) {
      return [i, numberOrNull(row.dataset.lower), numberOrNull(row.dataset.upper)];
    });
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      // the template's own label, which ECharts would replace with a description of its first points
      aria: { enabled: true, label: { description: element.getAttribute('aria-label') } },
      grid: { left: 56, right: 16, top: 24, bottom: 96 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 30, fontSize: 10 } },
      yAxis: { type: 'value', name: 'per injection', min: 0 },
      series: [
        { name: 'share of injections with an adverse event', type: 'bar', data: rates, barMaxWidth: 64,
          itemStyle: { color: '#1f4e79' } },
        {
          name: '95% interval',
          type: 'custom',
          data: intervals,
          renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(1)]);
            var high = api.coord([api.value(0), api.value(2)]);
            var half = api.size([1, 0])[0] * 0.15;
            var style = { stroke: '#8a4b00', lineWidth: 2 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
              { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style: style },
              { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style: style }
            ] };
          },
          z: 10
        }
      ]
    });
    element.dataset.drawnGroups = String(rows.length);
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
  });
}());
