// What the analysts' charts share: the groups' colours, reading the API's numbers from the tables the
// server rendered, and downloading a chart as a PNG image. Nothing here computes a statistic.
(function () {
  'use strict';

  var PALETTE = ['#1f4e79', '#b0471f', '#2e7d32', '#6a3d9a', '#8a6d00', '#00838f', '#ad1457', '#4e342e',
                 '#37474f', '#5d4037', '#283593', '#827717'];

  function numberOrNull(text) {
    if (text === null || text === undefined || text === '') {
      return null;
    }
    var n = Number(text);
    return isNaN(n) ? null : n;
  }

  function color(index) {
    return PALETTE[index % PALETTE.length];
  }

  // The on-screen chart is SVG (sharp in print); the download redraws the same options on a canvas, as PNG.
  function download(button) {
    var element = document.getElementById(button.dataset.chart);
    var chart = element && echarts.getInstanceByDom(element);
    if (!chart) {
      return;
    }
    var holder = document.createElement('div');
    holder.style.position = 'absolute';
    holder.style.left = '-10000px';
    document.body.appendChild(holder);
    var copy = echarts.init(holder, null, { renderer: 'canvas', width: Math.max(element.clientWidth, 640),
                                             height: element.clientHeight });
    var option = chart.getOption();
    option.animation = false;
    copy.setOption(option);
    var url = copy.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    copy.dispose();
    document.body.removeChild(holder);
    var link = document.createElement('a');
    link.href = url;
    link.download = (button.dataset.file || 'chart') + '.png';
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
  }

  function keepSized(chart) {
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
    window.addEventListener('afterprint', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('button.download-image').forEach(function (button) {
      button.addEventListener('click', function () { download(button); });
    });
  });

  window.footdropCharts = { numberOrNull: numberOrNull, color: color, keepSized: keepSized };
}());
