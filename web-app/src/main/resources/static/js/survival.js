// Draws the Kaplan-Meier curves from the tables of steps the server rendered: per group the steps from
// S = 1 at day 0, the band of the API's pointwise limits, a tick where patients were censored, and the
// number at risk under the time axis (read off the API's steps on the server). Nothing is computed here.
(function () {
  'use strict';

  var charts = window.footdropCharts;

  function curvesOf() {
    return Array.prototype.map.call(document.querySelectorAll('table.curve-steps'), function (table) {
      var steps = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (row) {
        return {
          day: Number(row.dataset.day),
          survival: charts.numberOrNull(row.dataset.survival),
          lower: charts.numberOrNull(row.dataset.lower),
          upper: charts.numberOrNull(row.dataset.upper),
          censored: Number(row.dataset.censored)
        };
      });
      return { label: table.dataset.group, steps: steps, atRisk: table.dataset.atRisk.split(',') };
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('survival-chart');
    if (!element || typeof echarts === 'undefined') {
      return;
    }
    var interval = Number(element.dataset.tickInterval);
    var lastTick = Number(element.dataset.lastTick);
    var curves = curvesOf();
    var series = [];
    var xAxes = [{ type: 'value', min: 0, max: lastTick, interval: interval, name: 'days from day 0',
                   nameLocation: 'middle', nameGap: 24 }];
    curves.forEach(function (curve, index) {
      var colour = charts.color(index);
      var stack = 'band-' + index;
      series.push({
        id: 'curve:' + curve.label, name: curve.label, type: 'line', step: 'end', symbol: 'none',
        color: colour, lineStyle: { width: 2 }, z: 3,
        data: [[0, 1]].concat(curve.steps.map(function (s) { return [s.day, s.survival]; }))
      });
      // the band: the lower limit, and on it the distance to the upper (drawing only; both are the API's)
      series.push({
        id: 'band-lower:' + curve.label, name: curve.label, type: 'line', step: 'end', symbol: 'none',
        stack: stack, lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false },
        data: [[0, 1]].concat(curve.steps.map(function (s) { return [s.day, s.lower]; }))
      });
      series.push({
        id: 'band:' + curve.label, name: curve.label, type: 'line', step: 'end', symbol: 'none',
        stack: stack, lineStyle: { opacity: 0 }, areaStyle: { color: colour, opacity: 0.15 }, silent: true,
        tooltip: { show: false },
        data: [[0, 0]].concat(curve.steps.map(function (s) {
          return [s.day, s.upper === null || s.lower === null ? 0 : s.upper - s.lower];
        }))
      });
      series.push({
        id: 'censored:' + curve.label, name: curve.label, type: 'scatter', color: colour, z: 4,
        symbol: 'path://M4 0 H6 V4 H10 V6 H6 V10 H4 V6 H0 V4 H4 Z', symbolSize: 9,
        data: curve.steps.filter(function (s) { return s.censored > 0; })
          .map(function (s) { return [s.day, s.survival]; })
      });
      var atRisk = {};
      curve.atRisk.forEach(function (n, i) { atRisk[i * interval] = n; });
      xAxes.push({
        type: 'value', min: 0, max: lastTick, interval: interval, position: 'bottom', offset: 44 + 18 * index,
        axisLine: { show: false }, axisTick: { show: false }, splitLine: { show: false },
        axisLabel: { color: colour, formatter: function (v) { return atRisk[v] === undefined ? '' : atRisk[v]; } },
        name: curve.label, nameLocation: 'start', nameGap: 8,
        nameTextStyle: { color: colour, align: 'right', fontSize: 11 }
      });
    });
    if (series.length) {
      series[0].markLine = { symbol: 'none', silent: true, data: [{ yAxis: 0.5 }],
                             lineStyle: { type: 'dotted', color: '#6b6b6b' }, label: { formatter: 'half' } };
    }
    var longest = curves.reduce(function (max, c) { return Math.max(max, c.label.length); }, 8);
    element.style.height = (320 + 18 * curves.length) + 'px';
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      legend: { top: 0, type: 'scroll', data: curves.map(function (c) { return c.label; }) },
      tooltip: { trigger: 'item' },
      grid: { left: Math.min(160, 16 + longest * 6.5), right: 24, top: 40, bottom: 56 + 18 * curves.length },
      xAxis: xAxes,
      yAxis: { type: 'value', min: 0, max: 1, name: 'not yet responded' },
      series: series
    });
    element.dataset.drawnCurves = String(curves.length);
    charts.keepSized(chart);
  });
}());
