// The dashboard's charts, drawn by ECharts from the figures the page carries (window.lianxinCharts).
(function () {
  'use strict';
  var data = window.lianxinCharts;
  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var c = echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
  }
  chart('chart-intake', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: data.intake.days.map(function (d) { return d.substring(5); }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.intake.series.map(function (s) {
      return { name: s.name, type: 'bar', stack: 'intake', data: s.data };
    })
  });
  function bars(id, bars, color) {
    chart(id, {
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: bars.labels, inverse: true },
      series: [{ type: 'bar', data: bars.values, itemStyle: { color: color }, label: { show: true, position: 'right' } }]
    });
  }
  bars('chart-status', data.status, '#b3261e');
  bars('chart-departments', data.departments, '#3b6ea5');
})();
