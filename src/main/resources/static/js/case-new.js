// The report form: an Idempotency-Key made in the browser (so a double click or a resent form
// makes one case), the object search over the registry, a point picked on the map, and a submit
// button that is disabled once pressed.
(function () {
  'use strict';

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    const b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  function init() {
    const form = document.getElementById('case-form');
    if (!form) { return; }
    const key = document.getElementById('idempotencyKey');
    if (!key.value) { key.value = uuid(); }
    form.addEventListener('submit', function () {
      document.getElementById('case-submit').disabled = true;
    });

    const q = document.getElementById('object-q');
    const results = document.getElementById('object-results');
    let timer = null;
    q.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 300);
    });
    function search() {
      const text = q.value.trim();
      results.replaceChildren();
      if (text.length < 2) { return; }
      fetch('/api/v1/objects?size=10&q=' + encodeURIComponent(text), {headers: {Accept: 'application/json'}})
        .then((r) => r.ok ? r.json() : {objects: []})
        .then(function (page) {
          results.replaceChildren();
          (page.objects || []).forEach(function (o) {
            const item = document.createElement('button');
            item.type = 'button';
            item.className = 'list-group-item list-group-item-action object-result';
            item.dataset.id = o.id;
            item.textContent = o.name + (o.address ? ' · ' + o.address : '');
            item.addEventListener('click', function () { choose(o); });
            results.appendChild(item);
          });
        });
    }
    function choose(o) {
      document.getElementById('objectId').value = o.id;
      document.getElementById('objectName').value = o.name;
      document.getElementById('object-chosen').textContent = '✔ ' + o.name;
      results.replaceChildren();
      if (o.lon != null && o.lat != null) { mark(o.lon, o.lat, false); }
    }

    const el = document.getElementById('case-new-map');
    let map = null;
    let marker = null;
    if (el && typeof L !== 'undefined') {
      map = L.map(el, {attributionControl: Boolean(el.dataset.tileUrl)}).setView([39.13, 117.2], 11);
      if (el.dataset.tileUrl) {
        L.tileLayer(el.dataset.tileUrl, {attribution: el.dataset.tileAttribution || '', maxZoom: 19}).addTo(map);
      }
      map.on('click', function (e) {
        // a point instead of an object
        document.getElementById('objectId').value = '';
        document.getElementById('objectName').value = '';
        document.getElementById('object-chosen').textContent = '';
        mark(e.latlng.lng, e.latlng.lat, true);
      });
    }
    function mark(lon, lat, fill) {
      if (fill) {
        document.getElementById('lon').value = lon.toFixed(6);
        document.getElementById('lat').value = lat.toFixed(6);
      }
      if (!map) { return; }
      if (marker) { marker.remove(); }
      marker = L.circleMarker([lat, lon], {radius: 8, color: '#dc3545'}).addTo(map);
      map.setView([lat, lon], 15);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
