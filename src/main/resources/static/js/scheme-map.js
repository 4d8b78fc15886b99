// The score map on a scheme's page: the assessed units (the streets of a district, or the districts
// of the city) coloured by their total score from the ranking table on the same page, red (0) to
// green (100), grey where nothing could be scored; a click opens the unit's score sheet.
// No inline script (the Content-Security-Policy allows none): settings come from data attributes.
(function () {
  'use strict';

  const el = document.getElementById('scheme-map');
  if (!el || typeof L === 'undefined') { return; }
  const scores = {};
  document.querySelectorAll('#scheme-ranking tr[data-unit]').forEach(function (tr) {
    const total = tr.dataset.total;
    scores[tr.dataset.unit] = {
      name: tr.dataset.name,
      total: total === undefined || total === '' ? null : Number(total)
    };
  });

  function colour(total) {
    if (total === null) { return '#adb5bd'; }
    const share = Math.max(0, Math.min(total, 100)) / 100;
    return 'hsl(' + Math.round(share * 120) + ', 70%, 45%)';
  }

  const map = L.map(el, {zoomSnap: 0.25, attributionControl: false});
  map.setView([39.13, 117.2], 9);
  fetch(el.dataset.shapesUrl, {headers: {Accept: 'application/geo+json, application/json'},
    credentials: 'same-origin'})
    .then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    })
    .then(function (shapes) {
      const features = shapes.features.filter(function (f) { return scores[f.properties.code]; });
      const layer = L.geoJSON({type: 'FeatureCollection', features: features}, {
        style: function (f) {
          return {weight: 1, color: '#343a40', fillOpacity: 0.65,
            fillColor: colour(scores[f.properties.code].total)};
        },
        onEachFeature: function (f, l) {
          const s = scores[f.properties.code];
          l.bindTooltip(s.name + ': ' + (s.total === null ? el.dataset.noTotal : s.total.toFixed(2)));
          l.on('click', function () {
            location.href = el.dataset.sheetUrl + encodeURIComponent(f.properties.code);
          });
          l.on('add', function () {
            const path = l.getElement();
            if (path) {
              path.setAttribute('data-code', f.properties.code);
              path.setAttribute('data-fill', colour(s.total));
            }
          });
        }
      }).addTo(map);
      if (features.length) { map.fitBounds(layer.getBounds(), {padding: [8, 8]}); }
      el.dataset.units = String(features.length);
      el.dataset.painted = 'score';
    })
    .catch(function (e) { el.dataset.error = String(e); });
})();
