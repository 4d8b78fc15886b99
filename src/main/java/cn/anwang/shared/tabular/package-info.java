/**
 * Streaming import and export of tables ({@code .xlsx} and CSV) for the modules' bulk imports and
 * exports: header detection, encoding detection, row-by-row reading in bounded memory, row problem
 * reports, exports and fill-in templates. Pure Java and Apache POI, no Spring.
 *
 * <p>An import declares its columns once and uses them for the template, the import and the export:
 *
 * <pre>{@code
 * TableSpec spec = TableSpec.of(
 *     ColumnSpec.required("name", "名称", "企业名称", "单位名称"),
 *     ColumnSpec.required("uscc", "统一社会信用代码", "信用代码", "USCC"),
 *     ColumnSpec.optional("kind", "对象类型").allowing(kinds),
 *     ColumnSpec.optional("founded", "成立日期").ofType(ColumnType.DATE));
 *
 * ImportTemplate.write(out, "监督管理对象", spec);               // GET .../import-template
 *
 * var report = new ImportReport();
 * try (TabularSource source = TabularReader.open(upload, fileName, declaredCharset, spec)) {
 *   report.warnAll(source.warnings());
 *   source.forEach(row -> {
 *     report.countRow();
 *     if (!Uscc.isValid(row.get("uscc"))) {
 *       report.add(source.header().problem(row.rowNumber(), "uscc", "校验码错误"));
 *     }
 *   });
 * } catch (TabularException e) {
 *   // the file as a whole: e.getMessage() is for the user, e.reason() for a status
 * }
 *
 * XlsxExport.write(out, "监督管理对象", spec.columns(), rows);    // rows: Iterator<List<?>>
 * }</pre>
 */
package cn.anwang.shared.tabular;
