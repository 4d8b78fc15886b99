// The month-by-month trend of the indicator the map is coloured by (ECharts), on
// /assessment/indicators. It follows the map's choice through the 'assessment:indicator' event.
(function () {
  'use strict';

  const el = document.getElementById('assessment-trend');
  if (!el || typeof echarts === 'undefined') { return; }
  const lang = document.documentElement.lang || 'zh-CN';
  const chart = echarts.init(el, null, {renderer: 'svg'});
  window.addEventListener('resize', function () { chart.resize(); });

  function draw(code, name) {
    const url = el.dataset.trendUrl.replace('INDICATOR', encodeURIComponent(code));
    fetch(url, {headers: {Accept: 'application/json', 'Accept-Language': lang}, credentials: 'same-origin'})
      .then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      })
      .then(function (trend) {
        el.dataset.months = String(trend.months.length);
        el.dataset.code = code;
        if (!trend.months.length) {
          chart.clear();
          chart.setOption({title: {text: el.dataset.noTrend, left: 'center', top: 'middle',
            textStyle: {fontSize: 13, fontWeight: 'normal', color: '#6c757d'}}});
          return;
        }
        chart.clear();
        chart.setOption({
          title: {text: name, textStyle: {fontSize: 13}},
          tooltip: {trigger: 'axis'},
          grid: {left: 40, right: 16, top: 36, bottom: 28},
          xAxis: {type: 'category', data: trend.months.map(function (m) { return m.month.substring(5); })},
          yAxis: {type: 'value'},
          series: [{
            type: 'line',
            connectNulls: false,
            data: trend.months.map(function (m) { return m.figure ? m.figure.value : null; })
          }]
        });
      })
      .catch(function (e) { el.dataset.error = String(e); });
  }

  document.addEventListener('assessment:indicator', function (e) {
    draw(e.detail.code, e.detail.name);
  });
})();
