/**
 * Streaming import and export of tables ({@code .xlsx} and CSV) for the modules' bulk imports and
 * exports: header detection, encoding detection, row-by-row reading in bounded memory, row problem
 * reports, exports and fill-in templates. Pure Java and Apache POI; of Spring only {@link
 * org.springframework.context.MessageSourceResolvable}, for the texts.
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
 *   source.warningMessages().forEach(w -> report.warn(messages.getMessage(w, locale)));
 *   source.forEach(row -> {
 *     report.countRow();
 *     if (!Uscc.isValid(row.get("uscc"))) {
 *       report.add(source.header().problem(row.rowNumber(), "uscc", "校验码错误"));
 *     }
 *   });
 * } catch (TabularException e) {
 *   // the file as a whole: e.reason() for a status, messages.getMessage(e, locale) for the user
 * }
 *
 * XlsxExport.write(out, "监督管理对象", spec.columns(), rows);    // rows: Iterator<List<?>>
 * }</pre>
 *
 * <p>Texts: every text the package gives the user about an upload (a {@link TabularException}'s
 * message, a warning of {@link TabularSource}) has a key in {@code i18n/tabular.properties} (zh-CN,
 * the default) and {@code i18n/tabular_en.properties}; the application lists {@code i18n/tabular}
 * among {@code spring.messages.basename}. A caller localises with its {@code MessageSource}: {@code
 * messages.getMessage(e, locale)} for an exception, each of {@code source.warningMessages()} the
 * same way for the warnings. {@code e.getMessage()} and {@code source.warnings()} are the zh-CN
 * texts, for callers without a locale ({@link ImportReport} keeps strings). The texts callers give
 * this package (column headers, sheet names, {@link RowProblem} reasons) are theirs to localise;
 * the fill-in template of {@link ImportTemplate} is zh-CN, like the headers it must match.
 */
package cn.anwang.shared.tabular;
