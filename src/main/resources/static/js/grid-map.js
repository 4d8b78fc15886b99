// Grid maps: vectors only unless a tile URL is configured; labels come from data attributes
// because the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  const TYPE_COLOURS = {
    REGULAR: '#0d6efd',
    INDUSTRIAL_CLUSTER: '#dc3545',
    COMMERCIAL_CLUSTER: '#fd7e14'
  };

  function typeLabel(el, type) {
    const key = {REGULAR: 'typeRegular', INDUSTRIAL_CLUSTER: 'typeIndustrial',
      COMMERCIAL_CLUSTER: 'typeCommercial'}[type];
    return (key && el.dataset[key]) || type;
  }

  function baseMap(el) {
    const map = L.map(el, {zoomSnap: 0.25, attributionControl: Boolean(el.dataset.tileUrl)});
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, {
        attribution: el.dataset.tileAttribution || '',
        maxZoom: 19
      }).addTo(map);
    }
    map.setView([39.13, 117.2], 9);
    return map;
  }

  function getJson(url) {
    return fetch(url, {headers: {Accept: 'application/geo+json, application/json'},
      credentials: 'same-origin'})
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      });
  }

  function popup(el, props) {
    const box = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = props.name;
    box.appendChild(title);
    const code = document.createElement('div');
    code.className = 'small';
    code.textContent = (el.dataset.labelCode || 'Code') + ': ' + props.code;
    box.appendChild(code);
    const type = document.createElement('div');
    type.className = 'small';
    type.textContent = (el.dataset.labelType || 'Type') + ': ' + typeLabel(el, props.type);
    box.appendChild(type);
    if (props.synthetic) {
      const s = document.createElement('div');
      s.className = 'badge text-bg-warning';
      s.textContent = el.dataset.labelSynthetic || 'synthetic';
      box.appendChild(s);
    }
    if (el.dataset.detailUrl) {
      const a = document.createElement('a');
      a.href = el.dataset.detailUrl + encodeURIComponent(props.code);
      a.className = 'd-block mt-1';
      a.textContent = el.dataset.labelDetail || 'Details';
      box.appendChild(a);
    }
    return box;
  }

  function gridLayer(el, data) {
    return L.geoJSON(data, {
      style: function (f) {
        const colour = TYPE_COLOURS[f.properties.type] || '#6c757d';
        return {color: colour, weight: 1.5, fillColor: colour, fillOpacity: 0.25,
          className: 'grid-shape'};
      },
      onEachFeature: function (f, layer) {
        layer.bindPopup(function () { return popup(el, f.properties); });
      }
    });
  }

  function boundaryLayer(data) {
    return L.geoJSON(data, {
      interactive: false,
      style: function (f) {
        const district = f.properties.level === 'district';
        return {color: district ? '#343a40' : '#6c757d', weight: district ? 2.5 : 1,
          dashArray: district ? null : '4 4', fill: false, className: 'boundary-shape'};
      }
    });
  }

  function legend(el, map) {
    const control = L.control({position: 'bottomright'});
    control.onAdd = function () {
      const box = L.DomUtil.create('div', 'bg-white p-2 rounded border small grid-legend');
      Object.keys(TYPE_COLOURS).forEach(function (type) {
        const row = document.createElement('div');
        const swatch = document.createElement('span');
        swatch.style.cssText = 'display:inline-block;width:12px;height:12px;margin-right:4px;' +
          'vertical-align:middle;border:1px solid ' + TYPE_COLOURS[type] + ';background:' +
          TYPE_COLOURS[type] + '55';
        row.appendChild(swatch);
        row.appendChild(document.createTextNode(typeLabel(el, type)));
        box.appendChild(row);
      });
      const b = document.createElement('div');
      b.textContent = '┅ ' + (el.dataset.labelBoundary || 'boundary');
      box.appendChild(b);
      return box;
    };
    control.addTo(map);
  }

  function showSynthetic(any) {
    const label = document.getElementById('synthetic-label');
    if (label && any) { label.classList.remove('d-none'); }
  }

  function fit(map, layers) {
    let bounds = null;
    layers.forEach(function (l) {
      if (l && l.getLayers().length) {
        bounds = bounds ? bounds.extend(l.getBounds()) : L.latLngBounds(l.getBounds());
      }
    });
    if (bounds && bounds.isValid()) { map.fitBounds(bounds, {padding: [10, 10]}); }
  }

  function initGridMap(el) {
    const map = baseMap(el);
    legend(el, map);
    Promise.all([getJson(el.dataset.boundariesUrl), getJson(el.dataset.gridsUrl)])
      .then(function (results) {
        // boundaries above the grids, so street lines stay visible; they take no clicks
        const grids = gridLayer(el, results[1]).addTo(map);
        const boundaries = boundaryLayer(results[0]).addTo(map);
        const synthetic = results[0].features.some(function (f) { return f.properties.synthetic; }) ||
          results[1].features.some(function (f) { return f.properties.synthetic; });
        showSynthetic(synthetic);
        el.dataset.gridCount = String(results[1].features.length);
        fit(map, [grids, boundaries]);
      })
      .catch(function () {
        el.insertAdjacentText('beforebegin', el.dataset.labelError || 'Could not load the map data');
      });
  }

  function initDetailMap(el) {
    const map = baseMap(el);
    getJson(el.dataset.gridUrl).then(function (feature) {
      const layer = gridLayer(el, feature).addTo(map);
      fit(map, [layer]);
    }).catch(function () { loadFailed(el); });
  }

  function initQualityMap(el) {
    const map = baseMap(el);
    const layers = [];
    Promise.all([
      el.dataset.boundariesUrl ? getJson(el.dataset.boundariesUrl) : Promise.resolve(null),
      getJson(el.dataset.gridsUrl)
    ]).then(function (results) {
      layers.push(gridLayer(el, results[1]).addTo(map));
      if (results[0]) { layers.push(boundaryLayer(results[0]).addTo(map)); }
      if (el.dataset.gap) {
        layers.push(L.geoJSON(JSON.parse(el.dataset.gap), {
          style: {color: '#6f42c1', weight: 1, fillColor: '#6f42c1', fillOpacity: 0.5,
            className: 'gap-shape'}
        }).addTo(map));
      }
      if (el.dataset.overlaps) {
        layers.push(L.geoJSON(JSON.parse(el.dataset.overlaps), {
          style: {color: '#000', weight: 1, fillColor: '#ffc107', fillOpacity: 0.8,
            className: 'overlap-shape'}
        }).addTo(map));
      }
      fit(map, layers);
    }).catch(function () { loadFailed(el); });
  }

  function loadFailed(el) {
    el.insertAdjacentText('beforebegin', el.dataset.labelError || 'Could not load the map data');
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select.grid-autosubmit').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
    const gridMap = document.getElementById('grid-map');
    if (gridMap) { initGridMap(gridMap); }
    const detail = document.getElementById('grid-detail-map');
    if (detail) { initDetailMap(detail); }
    const quality = document.getElementById('quality-map');
    if (quality) { initQualityMap(quality); }
  });
})();
