/**
 * Grids: the smallest units of responsibility, each a WGS-84 Polygon or MultiPolygon inside a
 * street or village.
 *
 * <p>Import is all or nothing: {@link cn.anwang.area.grid.FeatureCollectionReader} splits the
 * GeoJSON, {@link cn.anwang.area.grid.GridGeometryReader} turns each geometry into JTS or a
 * plain-English rejection (wrong type, open ring, too few points, self-intersection with its
 * location, out of range, swapped axes), {@link cn.anwang.area.grid.GridImportValidator} applies
 * the rules that need the world (division level and territory, duplicate and foreign codes) and
 * adds warnings (overlaps, grids leaving their district, repairs). Only when nothing is rejected
 * does {@link cn.anwang.area.grid.GridService} write, in one transaction with the audit entry, the
 * {@code grid_index_version} bump and the {@link cn.anwang.area.GridsChanged} event.
 *
 * <p>Everything here is package-private; other modules see grids through locate and events.
 */
package cn.anwang.area.grid;
