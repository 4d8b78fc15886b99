/**
 * Streaming import and export of tables ({@code .xlsx} and CSV) for the modules' bulk imports and
 * exports: header detection, encoding detection, row-by-row reading in bounded memory, row problem
 * reports, exports and fill-in templates. Pure Java and Apache POI, no Spring.
 */
package cn.anwang.shared.tabular;
