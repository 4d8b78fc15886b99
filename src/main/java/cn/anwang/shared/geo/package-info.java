/** Geographic points, China's coordinate systems and their conversions; pure, no Spring. */
package cn.anwang.shared.geo;
