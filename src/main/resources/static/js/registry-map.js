// The objects of the user's scope as points coloured by risk; URLs come from data attributes
// because the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  const RISK_COLOURS = {RED: '#dc3545', ORANGE: '#fd7e14', YELLOW: '#ffc107', BLUE: '#0d6efd'};

  function init() {
    const el = document.getElementById('objects-map');
    if (!el || typeof L === 'undefined') { return; }
    const map = L.map(el, {preferCanvas: true, attributionControl: Boolean(el.dataset.tileUrl)});
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, {attribution: el.dataset.tileAttribution || '', maxZoom: 19})
        .addTo(map);
    }
    map.setView([39.13, 117.2], 10);
    fetch(el.dataset.pointsUrl, {headers: {Accept: 'application/geo+json'}, credentials: 'same-origin'})
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      })
      .then(function (collection) {
        const layer = L.geoJSON(collection, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, {
              radius: 4, weight: 1, color: '#343a40',
              fillColor: RISK_COLOURS[feature.properties.risk] || '#6c757d', fillOpacity: 0.85
            });
          },
          onEachFeature: function (feature, marker) {
            const link = document.createElement('a');
            link.href = el.dataset.objectUrl + feature.properties.id;
            link.textContent = feature.properties.name;
            marker.bindPopup(link);
          }
        }).addTo(map);
        if (collection.features.length > 0) {
          map.fitBounds(layer.getBounds(), {padding: [20, 20]});
        }
      })
      .catch(function (e) { el.dataset.error = String(e); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
