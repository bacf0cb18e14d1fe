// Draws each measure's cohort charts (a point and its 95% interval per group, the windows side by side)
// from the table the server rendered above them, so a chart and its table always show the same numbers.
(function () {
  'use strict';

  var charts = window.footdropCharts;

  function groupsOf(table, statistic) {
    var windows = [];
    var groups = [];
    table.querySelectorAll('tbody').forEach(function (body) {
      if (body.dataset.suppressed === 'true') {
        return;
      }
      var points = [];
      body.querySelectorAll('tr[data-window]').forEach(function (row) {
        if (windows.indexOf(row.dataset.window) < 0) {
          windows.push(row.dataset.window);
        }
        var cell = row.querySelector('td.' + statistic);
        var value = cell && charts.numberOrNull(cell.dataset.value);
        if (value !== null) {
          points.push([windows.indexOf(row.dataset.window), value,
                       charts.numberOrNull(cell.dataset.lower), charts.numberOrNull(cell.dataset.upper)]);
        }
      });
      groups.push({ label: body.dataset.group, points: points });
    });
    return { windows: windows, groups: groups };
  }

  // One group's point and interval, placed beside the other groups' within the window's band.
  function pointAndInterval(index, count) {
    return function (params, api) {
      var band = api.size([1, 0])[0];
      var shift = (index - (count - 1) / 2) * band / (count + 1);
      var point = api.coord([api.value(0), api.value(1)]);
      var colour = api.visual('color');
      var children = [];
      var lower = api.value(2);
      var upper = api.value(3);
      if (!isNaN(lower) && !isNaN(upper) && lower !== null && upper !== null) {
        var low = api.coord([api.value(0), lower]);
        var high = api.coord([api.value(0), upper]);
        var x = point[0] + shift;
        children.push({ type: 'line', shape: { x1: x, y1: low[1], x2: x, y2: high[1] },
                        style: { stroke: colour, lineWidth: 1.5 } });
        children.push({ type: 'line', shape: { x1: x - 4, y1: low[1], x2: x + 4, y2: low[1] },
                        style: { stroke: colour, lineWidth: 1.5 } });
        children.push({ type: 'line', shape: { x1: x - 4, y1: high[1], x2: x + 4, y2: high[1] },
                        style: { stroke: colour, lineWidth: 1.5 } });
      }
      children.push({ type: 'circle', shape: { cx: point[0] + shift, cy: point[1], r: 4 },
                      style: { fill: colour, stroke: '#fff' } });
      return { type: 'group', children: children };
    };
  }

  function draw(element) {
    if (typeof echarts === 'undefined') {
      return;
    }
    var measure = element.dataset.measure;
    var statistic = element.dataset.statistic;
    var decimals = Number(element.dataset.decimals);
    var table = document.querySelector('table.cohort-table[data-measure="' + measure + '"]');
    var read = groupsOf(table, statistic);
    var proportion = statistic === 'proportion';
    function shown(v) {
      if (v === null || v === undefined || isNaN(v)) {
        return '–';
      }
      return proportion ? (v * 100).toFixed(1) + '%' : v.toFixed(decimals);
    }
    var series = read.groups.map(function (group, index) {
      return {
        id: statistic + ':' + group.label,
        name: group.label,
        type: 'custom',
        itemStyle: { color: charts.color(index) },
        renderItem: pointAndInterval(index, read.groups.length),
        encode: { x: 0, y: [1, 2, 3], tooltip: [1, 2, 3] },
        data: group.points
      };
    });
    if (series.length) {
      series[0].markLine = proportion ? undefined : {
        symbol: 'none', silent: true, data: [{ yAxis: 0 }],
        lineStyle: { type: 'dashed', color: '#6b6b6b' },
        label: { position: 'insideEndTop', formatter: 'no change' }
      };
    }
    // the legend wraps onto as many lines as the groups need; the plot starts below it
    var perLine = Math.max(1, Math.floor(element.clientWidth / 190));
    var legendLines = Math.ceil(series.length / perLine);
    element.style.height = (260 + 22 * legendLines) + 'px';
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      // the template's own label, which ECharts would replace with a description of its first points
      aria: { enabled: true, label: { description: element.getAttribute('aria-label') } },
      legend: { top: 0, left: 0, right: 0, type: 'plain', itemGap: 8, textStyle: { fontSize: 11 } },
      grid: { left: 56, right: 24, top: 36 + 22 * legendLines, bottom: 32 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return p.seriesName + ', ' + read.windows[p.value[0]] + ': ' + shown(p.value[1])
            + ' (' + shown(p.value[2]) + ' to ' + shown(p.value[3]) + ')';
        }
      },
      xAxis: { type: 'category', data: read.windows },
      yAxis: proportion
        ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + '%'; } } }
        : { type: 'value', scale: true, name: 'change' },
      series: series
    });
    element.dataset.drawnSeries = String(series.length);
    charts.keepSized(chart);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.cohort-chart').forEach(draw);
  });
}());
