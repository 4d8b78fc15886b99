// The month trend of a department's cases on /assessment/department (ECharts, SVG): registered
// and closed per month. The figures come from the page's data attributes (no inline script).
(function () {
  'use strict';

  const el = document.getElementById('dashboard-trend');
  if (!el || typeof echarts === 'undefined') { return; }
  const split = function (s) { return s ? s.split(',') : []; };
  const months = split(el.dataset.months);
  const chart = echarts.init(el, null, {renderer: 'svg'});
  window.addEventListener('resize', function () { chart.resize(); });
  chart.setOption({
    title: {text: el.dataset.title, textStyle: {fontSize: 13}},
    tooltip: {trigger: 'axis'},
    legend: {top: 20, textStyle: {fontSize: 11}},
    grid: {left: 36, right: 12, top: 52, bottom: 28},
    xAxis: {type: 'category', data: months.map(function (m) { return m.substring(5); })},
    yAxis: {type: 'value', minInterval: 1},
    series: [
      {name: el.dataset.registeredName, type: 'bar', data: split(el.dataset.registered).map(Number)},
      {name: el.dataset.closedName, type: 'line', data: split(el.dataset.closed).map(Number)}
    ]
  });
  el.dataset.drawn = String(months.length);
})();
