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

  // The band as the curve's steps: from each step with limits to the next step (the last ends where the curve
  // does), between the API's lower and upper limits. A step without limits has no band.
  function bandSegments(steps) {
    var segments = [];
    steps.forEach(function (s, i) {
      if (s.lower === null || s.upper === null) {
        return;
      }
      var end = i + 1 < steps.length ? steps[i + 1].day : s.day;
      segments.push([s.day, end, s.lower, s.upper]);
    });
    return segments;
  }

  function bandSegment(params, api) {
    var topLeft = api.coord([api.value(0), api.value(3)]);
    var bottomRight = api.coord([api.value(1), api.value(2)]);
    return { type: 'rect', shape: { x: topLeft[0], y: topLeft[1], width: bottomRight[0] - topLeft[0],
                                    height: bottomRight[1] - topLeft[1] },
             style: { fill: api.visual('color'), opacity: 0.15 } };
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
      series.push({
        id: 'curve:' + curve.label, name: curve.label, type: 'line', step: 'end', symbol: 'none',
        itemStyle: { color: colour }, lineStyle: { color: colour, width: 2 }, z: 3,
        data: [[0, 1]].concat(curve.steps.map(function (s) { return [s.day, s.survival]; }))
      });
      // the band: the API's pointwise limits, as steps like the curve, filled between; each segment is
      // [from day, to day, lower, upper] in the option, as drawn
      series.push({
        id: 'band:' + curve.label, name: curve.label, type: 'custom', silent: true, clip: true, z: 1,
        tooltip: { show: false }, itemStyle: { color: colour },
        encode: { x: [0, 1], y: [2, 3] }, data: bandSegments(curve.steps), renderItem: bandSegment
      });
      series.push({
        id: 'censored:' + curve.label, name: curve.label, type: 'scatter', itemStyle: { color: colour }, z: 4,
        symbol: 'path://M4 0 H6 V4 H10 V6 H6 V10 H4 V6 H0 V4 H4 Z', symbolSize: 9,
        data: curve.steps.filter(function (s) { return s.censored > 0; })
          .map(function (s) { return [s.day, s.survival]; })
      });
      var atRisk = {};
      curve.atRisk.forEach(function (n, i) { atRisk[i * interval] = n; });
      xAxes.push({
        type: 'value', min: 0, max: lastTick, interval: interval, position: 'bottom', offset: 44 + 18 * index,
        axisLine: { show: false }, axisTick: { show: false }, splitLine: { show: false },
        axisLabel: { color: colour, margin: 4,
                     formatter: function (v) { return atRisk[v] === undefined ? '' : atRisk[v]; } },
        // the day-0 count is centred on the axis's start: the group's name keeps clear of it
        name: curve.label, nameLocation: 'start', nameGap: 30,
        nameTextStyle: { color: colour, align: 'right', verticalAlign: 'top', padding: [4, 0, 0, 0], fontSize: 11 }
      });
    });
    if (series.length) {
      series[0].markLine = { symbol: 'none', silent: true, data: [{ yAxis: 0.5 }],
                             lineStyle: { type: 'dotted', color: '#6b6b6b' },
                             label: { position: 'insideEndTop', formatter: 'one half' } };
    }
    var longest = curves.reduce(function (max, c) { return Math.max(max, c.label.length); }, 8);
    var legendLines = Math.ceil(curves.length / Math.max(1, Math.floor(element.clientWidth / 220)));
    element.style.height = (320 + 18 * curves.length + 22 * legendLines) + 'px';
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      // the template's own label, which ECharts would replace with a description of its first points
      aria: { enabled: true, label: { description: element.getAttribute('aria-label') } },
      legend: { top: 0, left: 0, right: 0, type: 'plain', data: curves.map(function (c) { return c.label; }) },
      tooltip: { trigger: 'item' },
      grid: { left: Math.min(188, 38 + longest * 7.5), right: 24, top: 40 + 22 * legendLines,
              bottom: 56 + 18 * curves.length },
      xAxis: xAxes,
      yAxis: { type: 'value', min: 0, max: 1, name: 'not yet responded' },
      series: series
    });
    element.dataset.drawnCurves = String(curves.length);
    charts.keepSized(chart);
  });
}());
