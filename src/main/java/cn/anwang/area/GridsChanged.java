package cn.anwang.area;

/**
 * Published, inside the changing transaction, by whatever changes grids (import, edit, delete, demo
 * data) after it bumped {@code grid_index_version}. The locate index of this server rebuilds right
 * after the commit; other servers notice the version within a couple of seconds.
 *
 * @param reason a short word for the log, e.g. {@code import}, {@code delete}, {@code demo}
 */
public record GridsChanged(String reason) {}
