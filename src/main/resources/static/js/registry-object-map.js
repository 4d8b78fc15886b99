// An object's location on a small map; the point comes from data attributes because the
// Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  const RISK_COLOURS = {RED: '#dc3545', ORANGE: '#fd7e14', YELLOW: '#ffc107', BLUE: '#0d6efd'};

  function init() {
    const el = document.getElementById('object-map');
    if (!el || typeof L === 'undefined') { return; }
    const lon = parseFloat(el.dataset.lon);
    const lat = parseFloat(el.dataset.lat);
    const map = L.map(el, {attributionControl: Boolean(el.dataset.tileUrl)});
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, {attribution: el.dataset.tileAttribution || '', maxZoom: 19})
        .addTo(map);
    }
    if (isNaN(lon) || isNaN(lat)) {
      map.setView([39.13, 117.2], 9);
      return;
    }
    map.setView([lat, lon], 16);
    L.circleMarker([lat, lon], {
      radius: 8, weight: 2, color: '#212529',
      fillColor: RISK_COLOURS[el.dataset.risk] || '#6c757d', fillOpacity: 0.9
    }).addTo(map);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
