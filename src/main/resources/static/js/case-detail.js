// A case's page: the case's point on a small map, and "use my position" for the re-inspection
// (the browser's geolocation fills the lon/lat fields; they can be typed as well).
(function () {
  'use strict';

  function init() {
    const el = document.getElementById('case-map');
    if (el && typeof L !== 'undefined') {
      const lon = parseFloat(el.dataset.lon);
      const lat = parseFloat(el.dataset.lat);
      const map = L.map(el, {attributionControl: Boolean(el.dataset.tileUrl)});
      if (el.dataset.tileUrl) {
        L.tileLayer(el.dataset.tileUrl, {attribution: el.dataset.tileAttribution || '', maxZoom: 19}).addTo(map);
      }
      if (isNaN(lon) || isNaN(lat)) {
        map.setView([39.13, 117.2], 9);
      } else {
        map.setView([lat, lon], 16);
        L.circleMarker([lat, lon], {radius: 8, weight: 2, color: '#212529', fillColor: '#dc3545', fillOpacity: 0.9}).addTo(map);
      }
    }
    document.querySelectorAll('.use-position').forEach(function (button) {
      button.addEventListener('click', function () {
        if (!navigator.geolocation) { return; }
        navigator.geolocation.getCurrentPosition(function (p) {
          document.getElementById(button.dataset.lon).value = p.coords.longitude.toFixed(6);
          document.getElementById(button.dataset.lat).value = p.coords.latitude.toFixed(6);
        });
      });
    });
    document.querySelectorAll('#case-actions form').forEach(function (form) {
      form.addEventListener('submit', function () {
        form.querySelectorAll('button[type=submit]').forEach((b) => { b.disabled = true; });
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
