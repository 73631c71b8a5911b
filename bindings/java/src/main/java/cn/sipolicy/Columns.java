package cn.sipolicy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Many records of one operation as named columns of primitive arrays (struct
 * of arrays), for {@link Engine#batch(String, Columns, String...)}: the fast
 * path, with no JSON and no object per record.
 *
 * <p>Columns are named after the operation's request fields (inputs) or
 * result fields (outputs), nested fields joined by '.' ({@code "unit.size"})
 * and ratios split into {@code ".num"}/{@code ".den"}; {@code
 * Engine.describe()} lists them. Values are the C ABI's codes: regions as
 * integers (360800), periods YYYYMM (202003), dates YYYYMMDD (20200701, 0 =
 * not given), money as long fen (1000005 = 10000.05 yuan), enums as their
 * {@code code()} ({@link UnitSize#SMALL} = 2), booleans 0/1. An {@code int[]}
 * column is int32, a {@code long[]} column int64 (the library accepts either
 * for integer fields), a {@code String[]} column text (null = absent).
 *
 * <pre>{@code
 * Columns in = new Columns(n)
 *     .put("region", region).put("unit.size", size).put("insurance", insurance)
 *     .put("period", period).put("base", baseFen);
 * Columns out = engine.batch("contribution", in, "due", "relief", "payable", "status", "error");
 * long[] due = out.longs("due");
 * int[] status = out.ints("status");       // 0 = ok, else the record's status code
 * String[] errors = out.errors();          // null for good records
 * }</pre>
 *
 * <p>Not thread-safe; the arrays are held, not copied (an output array is
 * written in place by the batch call).
 */
public final class Columns {
  private final int n;
  private final Map<String, Object> columns = new LinkedHashMap<>();
  private long failed = -1;

  /** Columns of {@code n} records each. */
  public Columns(int n) {
    if (n < 0) throw new IllegalArgumentException("n must not be negative: " + n);
    this.n = n;
  }

  /**
   * Output columns of {@code n} records with the types {@link
   * Engine#batch(String, Columns, String...)} gives them: "error" text;
   * "status", "eligible", "reasons", "payee", "days" and "waived_days"
   * {@code int[]}; every other output (money in fen, ratio parts) {@code
   * long[]}. Allocate them once and pass them to {@link Engine#batch(String,
   * Columns, Columns)} call after call: the fastest way to run many batches
   * (no new arrays, so no fresh heap pages to touch per call).
   *
   * @throws IllegalArgumentException for a name given twice
   */
  public static Columns forOutputs(int n, String... names) {
    Objects.requireNonNull(names, "outputs must not be null");
    Columns out = new Columns(n);
    for (String name : names) {
      Objects.requireNonNull(name, "an output name must not be null");
      if (out.has(name)) throw new IllegalArgumentException("output " + name + " asked twice");
      switch (NativeColumns.defaultOutputType(name)) {
        case NativeColumns.COLUMN_TEXT:
          out.put(name, new String[n]);
          break;
        case NativeColumns.COLUMN_I32:
          out.put(name, new int[n]);
          break;
        default:
          out.put(name, new long[n]);
      }
    }
    return out;
  }

  /** The number of records. */
  public int size() {
    return n;
  }

  private Columns putColumn(String name, Object values, int length) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(values, "column " + name + " must not be null");
    if (name.isEmpty()) throw new IllegalArgumentException("a column name must not be empty");
    if (length != n) {
      throw new IllegalArgumentException(
          "column " + name + " has " + length + " values; these columns hold " + n + " records");
    }
    columns.put(name, values);
    return this;
  }

  /** Adds (or replaces) an int32 column. */
  public Columns put(String name, int[] values) {
    return putColumn(name, values, values == null ? 0 : values.length);
  }

  /** Adds (or replaces) an int64 column (money in fen, counts, ratio parts). */
  public Columns put(String name, long[] values) {
    return putColumn(name, values, values == null ? 0 : values.length);
  }

  /** Adds (or replaces) a text column (null entries: absent). */
  public Columns put(String name, String[] values) {
    return putColumn(name, values, values == null ? 0 : values.length);
  }

  /** Removes a column; returns this. */
  public Columns remove(String name) {
    columns.remove(name);
    return this;
  }

  public boolean has(String name) {
    return columns.containsKey(name);
  }

  /** The column names, in the order they were put. */
  public Set<String> names() {
    return Collections.unmodifiableSet(columns.keySet());
  }

  private Object column(String name) {
    Object v = columns.get(name);
    if (v == null) throw new IllegalArgumentException("no column " + name + " (have " + names() + ")");
    return v;
  }

  /** An int32 column (the array itself). @throws IllegalArgumentException when absent or of another type */
  public int[] ints(String name) {
    Object v = column(name);
    if (!(v instanceof int[])) throw new IllegalArgumentException("column " + name + " is not int32");
    return (int[]) v;
  }

  /**
   * An integer column as int64: the column itself when it is int64, a widened
   * copy when it is int32 (so money and counts can always be read as longs).
   *
   * @throws IllegalArgumentException when absent or a text column
   */
  public long[] longs(String name) {
    Object v = column(name);
    if (v instanceof long[]) return (long[]) v;
    if (v instanceof int[]) {
      int[] a = (int[]) v;
      long[] out = new long[a.length];
      for (int i = 0; i < a.length; i++) out[i] = a[i];
      return out;
    }
    throw new IllegalArgumentException("column " + name + " is text, not an integer column");
  }

  /** A text column. @throws IllegalArgumentException when absent or of another type */
  public String[] texts(String name) {
    Object v = column(name);
    if (!(v instanceof String[])) throw new IllegalArgumentException("column " + name + " is not text");
    return (String[]) v;
  }

  /**
   * The "error" output: null for a good record, "field: message" for a failed
   * one. @throws IllegalArgumentException when "error" was not asked for
   */
  public String[] errors() {
    return texts("error");
  }

  /**
   * The number of failed records, once these columns are the outputs of a
   * batch call; -1 before.
   */
  public long failed() {
    return failed;
  }

  void setFailed(long failed) {
    this.failed = failed;
  }

  /** The raw column (int[], long[] or String[]). */
  Object raw(String name) {
    return column(name);
  }

  Map<String, Object> all() {
    return columns;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Columns[n=").append(n);
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      Object v = e.getValue();
      sb.append(", ").append(e.getKey()).append(':')
          .append(v instanceof int[] ? "int32" : v instanceof long[] ? "int64" : "text");
    }
    if (failed >= 0) sb.append(", failed=").append(failed);
    return sb.append(']').toString();
  }
}
