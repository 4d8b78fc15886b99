// The officer profile's map: the officer's current grids, drawn from the grid pages' GeoJSON
// (/grids/{code}/shape). Vectors only, no tile server. Labels come from data attributes because
// the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  function draw(el) {
    const urls = (el.dataset.shapeUrls || '').split(' ').filter(Boolean);
    const map = L.map(el, {zoomSnap: 0.25, attributionControl: false});
    map.setView([39.13, 117.2], 10);
    if (urls.length === 0) {
      el.classList.add('officer-map-empty');
      return;
    }
    const layer = L.featureGroup().addTo(map);
    Promise.all(urls.map(function (url) {
      return fetch(url, {headers: {Accept: 'application/geo+json, application/json'},
        credentials: 'same-origin'})
        .then(function (r) {
          if (!r.ok) { throw new Error(r.status); }
          return r.json();
        })
        .then(function (feature) {
          L.geoJSON(feature, {
            style: {color: '#198754', weight: 2, fillOpacity: 0.25}
          }).bindTooltip((feature.properties && feature.properties.name) || '')
            .addTo(layer);
        });
    })).then(function () {
      if (layer.getLayers().length > 0) {
        map.fitBounds(layer.getBounds(), {padding: [12, 12]});
      }
      el.classList.add('officer-map-ready');
    }).catch(function () {
      const note = document.createElement('div');
      note.className = 'alert alert-warning m-2 py-1 small';
      note.textContent = el.dataset.labelError || 'The map could not be loaded';
      el.appendChild(note);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    const el = document.getElementById('officer-map');
    if (el && window.L) {
      draw(el);
    }
  });
})();
