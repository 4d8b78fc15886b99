package cn.anwang.shared.tabular;

/**
 * What a column holds. Reading always yields text; the type decides how exports and templates
 * format the cells (a {@link #TEXT} column is formatted as text so that "0123" stays "0123").
 */
public enum ColumnType {
  /** Free text and codes: written with the text format {@code @}. */
  TEXT,
  /** A number: written as a numeric cell. */
  NUMBER,
  /** A calendar date: written as a date cell {@code yyyy-mm-dd}, read back as ISO-8601. */
  DATE,
  /** A date and time: written as {@code yyyy-mm-dd hh:mm:ss}, read back as ISO-8601. */
  DATE_TIME,
  /** Yes or no: written as a boolean cell, read back as {@code TRUE}/{@code FALSE}. */
  BOOLEAN
}
