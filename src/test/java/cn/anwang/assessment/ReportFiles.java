package cn.anwang.assessment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a generated report's files back: the workbook's sheets as rows of values, the PDF's text.
 */
final class ReportFiles {

  private ReportFiles() {}

  /** The sheet names of a workbook, in order. */
  static List<String> sheetNames(byte[] xlsx) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        names.add(wb.getSheetName(i));
      }
      return names;
    }
  }

  /** A sheet's rows below the header: strings, doubles, or null for a blank cell. */
  static List<List<Object>> rows(byte[] xlsx, String sheet) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet s = wb.getSheet(sheet);
      if (s == null) {
        throw new AssertionError("no sheet " + sheet + " in " + sheetNames(xlsx));
      }
      int width = s.getRow(0).getLastCellNum();
      List<List<Object>> rows = new ArrayList<>();
      for (int r = 0; r <= s.getLastRowNum(); r++) {
        Row row = s.getRow(r);
        List<Object> cells = new ArrayList<>();
        for (int c = 0; c < width; c++) {
          Cell cell = row == null ? null : row.getCell(c);
          cells.add(
              cell == null
                  ? null
                  : cell.getCellType() == CellType.NUMERIC
                      ? (Object) cell.getNumericCellValue()
                      : cell.getStringCellValue());
        }
        rows.add(cells);
      }
      return rows;
    }
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static int pdfPages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }
}
