// The indicator map on /assessment/indicators: the units of the table (the districts of the city,
// the streets of a district, the villages of a street, or the grids) coloured by the chosen
// indicator; a click opens the unit's own table (or, for a grid, the records behind its figure).
// No inline script (the Content-Security-Policy allows none): settings come from data attributes.
(function () {
  'use strict';

  const el = document.getElementById('assessment-map');
  if (!el || typeof L === 'undefined') { return; }
  const select = document.getElementById('assessment-map-indicator');
  const legend = document.getElementById('assessment-map-legend');
  const lang = document.documentElement.lang || 'zh-CN';

  function getJson(url, accept) {
    return fetch(url, {headers: {Accept: accept, 'Accept-Language': lang}, credentials: 'same-origin'})
      .then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      });
  }

  /** Red for bad, green for good; blue shades for a figure that is never scored. */
  function colour(indicator, value, max) {
    if (value === null || value === undefined) { return '#adb5bd'; }
    let share = indicator.unit === 'HOURS' ? (max > 0 ? value / max : 0) : Math.min(value, 100) / 100;
    if (indicator.unit === 'PER_HUNDRED') { share = max > 0 ? value / max : 0; }
    if (indicator.better === 'NEUTRAL') {
      // never scored: shades relative to the highest unit, so where the risk lies stands out
      share = max > 0 ? value / max : 0;
      return 'hsl(210, 70%, ' + Math.round(85 - share * 45) + '%)';
    }
    const good = indicator.better === 'HIGHER' ? share : 1 - share;
    return 'hsl(' + Math.round(good * 120) + ', 70%, 45%)';
  }

  const map = L.map(el, {zoomSnap: 0.25, attributionControl: false});
  map.setView([39.13, 117.2], 9);

  const tableUrl = el.dataset.tableUrl;
  const shapesUrl = el.dataset.shapesUrl;
  Promise.all([
    getJson(tableUrl, 'application/json'),
    getJson(shapesUrl, 'application/geo+json, application/json')
  ]).then(function (answers) {
    const table = answers[0];
    const shapes = answers[1];
    const byCode = {};
    table.units.forEach(function (row) { byCode[row.unit.code] = row; });
    table.indicators.forEach(function (i) {
      const option = document.createElement('option');
      option.value = i.code;
      option.textContent = i.name;
      select.appendChild(option);
    });
    const features = shapes.features.filter(function (f) {
      return f.properties.code !== table.division && byCode[f.properties.code];
    });
    const layer = L.geoJSON({type: 'FeatureCollection', features: features}, {
      style: {weight: 1, color: '#343a40', fillOpacity: 0.65}
    }).addTo(map);
    if (features.length) { map.fitBounds(layer.getBounds(), {padding: [8, 8]}); }
    el.dataset.units = String(features.length);

    function paint() {
      const indicator = table.indicators.find(function (i) { return i.code === select.value; });
      const values = features.map(function (f) {
        const fig = byCode[f.properties.code].figures[indicator.code];
        return fig ? fig.value : null;
      });
      const max = Math.max.apply(null, values.filter(function (v) { return v !== null; }).concat([0]));
      layer.eachLayer(function (l) {
        const code = l.feature.properties.code;
        const row = byCode[code];
        const fig = row.figures[indicator.code];
        const value = fig ? fig.value : null;
        const fill = colour(indicator, value, max);
        l.setStyle({fillColor: fill});
        const path = l.getElement();
        if (path) {
          path.setAttribute('data-code', code);
          path.setAttribute('data-value', value === null ? '' : String(value));
          path.setAttribute('data-fill', fill);
        }
        l.bindTooltip(row.unit.name + ': ' + (value === null ? '—'
          : value + (indicator.unit === 'PERCENT' ? '%' : '')));
      });
      legend.textContent = indicator.formula;
      el.dataset.painted = indicator.code;
      document.dispatchEvent(new CustomEvent('assessment:indicator',
        {detail: {code: indicator.code, name: indicator.name}}));
    }

    layer.eachLayer(function (l) {
      l.on('click', function () {
        const code = l.feature.properties.code;
        const year = el.dataset.year;
        if (table.rows === 'GRID') {
          location.href = '/assessment/indicators/' + encodeURIComponent(select.value)
            + '/records?division=' + encodeURIComponent(table.division) + '&by=grid&unit='
            + encodeURIComponent(code) + '&part=numerator&year=' + year;
        } else {
          location.href = '/assessment/indicators?division=' + encodeURIComponent(code) + '&year=' + year;
        }
      });
    });
    select.addEventListener('change', paint);
    // the dashboard's two colourings, one tap each: risk on the register and overdue cases
    document.querySelectorAll('[data-map-indicator]').forEach(function (b) {
      b.addEventListener('click', function () {
        select.value = b.dataset.mapIndicator;
        paint();
      });
    });
    const wanted = new URLSearchParams(location.search).get('indicator');
    if (wanted && table.indicators.some(function (i) { return i.code === wanted; })) {
      select.value = wanted;
    }
    paint();
  }).catch(function (e) {
    el.dataset.error = String(e);
    legend.textContent = el.dataset.unavailable;
  });
})();
