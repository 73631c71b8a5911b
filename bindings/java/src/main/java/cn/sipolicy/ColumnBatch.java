package cn.sipolicy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The calls of {@code sipolicy_batch} behind one {@link Engine#batch(String,
 * Columns, Columns)}: lays the column descriptors and their names out once in
 * a small native block, then runs the records in chunks — each chunk's slice
 * of every input array bulk-copied in ({@link Memory#write(long, int[], int,
 * int)}), one native call, each output slice bulk-copied back into the
 * caller's arrays.
 *
 * <p>Why chunks: the native block holds one chunk (about {@link
 * #CHUNK_BYTES}), not a copy of the whole batch, so it stays small and is
 * reused by every later call on the thread: no fresh pages to fault in per
 * call, whatever N (on the project's VM a fresh page costs ~10 µs, more than
 * evaluating the records in it). No per-record JNI call, no per-record object.
 * The engine keeps pack loads out while the chunks of one batch run, so a
 * batch sees one catalog, as a single native call would.
 */
final class ColumnBatch {
  private ColumnBatch() {}

  /**
   * Input plus output bytes of one chunk (about 40,000–60,000 records of the
   * two hot workloads). Measured on the 1,000,000-record policy benchmark:
   * smaller chunks pay the library's per-call set-up (rules resolved per
   * group of records: ~100 µs a call for contribution) too often — 256 KiB
   * chunks cost +30 ns a record; 8 and 16 MiB chunks measured ~10 ns slower.
   */
  static final long CHUNK_BYTES = 4L << 20;
  /** The fewest records a chunk holds, however wide the records. */
  static final int MIN_CHUNK = 1024;

  /** A thread's reusable native block is kept up to this size (one chunk needs ~4 MiB). */
  static final long KEEP_BYTES = 16L << 20;

  private static final ThreadLocal<Memory> ARENA = new ThreadLocal<>();

  /** Tests only: run between two chunks of a batch (ChunkedBatchTest loads a pack there). */
  static volatile Runnable betweenChunks;

  private static long align8(long x) {
    return (x + 7) & ~7L;
  }

  private static int typeOf(Object column) {
    if (column instanceof int[]) return NativeColumns.COLUMN_I32;
    if (column instanceof long[]) return NativeColumns.COLUMN_I64;
    return NativeColumns.COLUMN_TEXT;
  }

  private static int widthOf(int type) {
    return type == NativeColumns.COLUMN_I32 ? 4 : 8;
  }

  /** Frees this thread's reusable native block (it is allocated again when needed). */
  static void releaseArena() {
    Memory m = ARENA.get();
    if (m != null) {
      ARENA.remove();
      m.close();
    }
  }

  private static Memory block(long bytes) {
    Memory m = ARENA.get();
    if (m != null && m.size() >= bytes) return m;
    if (bytes > KEEP_BYTES) return new Memory(bytes); // one-off, closed after the call
    if (m != null) m.close();
    m = new Memory(Math.max(bytes, 64L << 10));
    ARENA.set(m);
    return m;
  }

  /** The records per chunk for records of {@code bytesPerRecord} bytes in and out. */
  static int chunkOf(int n, long bytesPerRecord) {
    long chunk = Math.max(MIN_CHUNK, CHUNK_BYTES / Math.max(1, bytesPerRecord));
    return (int) Math.max(1, Math.min(n, chunk));
  }

  /**
   * Runs the batch; fills the output arrays of {@code out} in place and sets
   * its failed count.
   *
   * @throws SipolicyException when the library refuses the call as a whole
   *     (then no output was written: that is decided on the first chunk)
   */
  static void run(Pointer engine, String op, Columns in, Columns out) {
    int n = in.size();
    if (out.size() != n) {
      throw new IllegalArgumentException(
          "the output columns hold " + out.size() + " records, the inputs " + n);
    }
    Map<String, Object> ins = in.all();
    Map<String, Object> outs = out.all();
    int nIn = ins.size();
    int nCols = nIn + outs.size();
    byte[] opz = Convert.cstring(op, "op");

    Object[] arrays = new Object[nCols];
    int[] types = new int[nCols];
    byte[][] names = new byte[nCols][];
    byte[][][] textBytes = new byte[nCols][][]; // text inputs, encoded (and checked) up front
    long namesBytes = 0;
    long bytesPerRecord = 0;
    int i = 0;
    for (Map<String, Object> side : java.util.List.of(ins, outs)) {
      for (Map.Entry<String, Object> e : side.entrySet()) {
        arrays[i] = e.getValue();
        types[i] = typeOf(e.getValue());
        names[i] = Convert.cstring(e.getKey(), "column name " + e.getKey());
        namesBytes += names[i].length;
        bytesPerRecord += widthOf(types[i]);
        if (i < nIn && types[i] == NativeColumns.COLUMN_TEXT) {
          textBytes[i] = encodeTexts((String[]) arrays[i], e.getKey());
        }
        i++;
      }
    }
    int chunk = chunkOf(n, bytesPerRecord);

    // Layout: [in descriptors][out descriptors][names][each column's chunk of data].
    long namesAt = (long) nCols * NativeColumns.COLUMN_SIZE;
    long[] dataAt = new long[nCols];
    long off = align8(namesAt + namesBytes);
    for (i = 0; i < nCols; i++) {
      dataAt[i] = off;
      off += align8((long) chunk * widthOf(types[i]));
    }
    Memory m = block(Math.max(off, 8));
    Memory texts = null; // one chunk's text input bytes
    try {
      long nameOff = namesAt;
      for (i = 0; i < nCols; i++) {
        long at = (long) i * NativeColumns.COLUMN_SIZE;
        m.write(nameOff, names[i], 0, names[i].length);
        m.setPointer(at + NativeColumns.NAME_OFFSET, m.share(nameOff));
        m.setInt(at + NativeColumns.TYPE_OFFSET, types[i]);
        m.setInt(at + NativeColumns.TYPE_OFFSET + 4, 0);
        m.setPointer(at + NativeColumns.DATA_OFFSET, m.share(dataAt[i]));
        nameOff += names[i].length;
      }
      Pointer outDescriptors = m.share((long) nIn * NativeColumns.COLUMN_SIZE);
      long[] failed = new long[1];
      long failedTotal = 0;
      // At least one call, so that an empty batch is checked (columns, op) like any other.
      for (int start = 0; start == 0 || start < n; start += chunk) {
        int len = Math.min(chunk, n - start);
        for (i = 0; i < nIn; i++) {
          if (types[i] == NativeColumns.COLUMN_I32) {
            m.write(dataAt[i], (int[]) arrays[i], start, len);
          } else if (types[i] == NativeColumns.COLUMN_I64) {
            m.write(dataAt[i], (long[]) arrays[i], start, len);
          } else {
            texts = writeTexts(m, dataAt[i], textBytes[i], start, len, texts);
          }
        }
        for (i = nIn; i < nCols; i++) {
          if (types[i] == NativeColumns.COLUMN_TEXT && len > 0) {
            m.setMemory(dataAt[i], (long) len * 8, (byte) 0);
          }
        }
        int st = NativeColumns.Batch.sipolicy_batch(outDescriptors, nCols - nIn, failed, engine,
            opz, len, m, nIn);
        if (st != Status.OK) throw NativeLib.error(st);
        failedTotal += failed[0];
        for (i = nIn; i < nCols; i++) {
          if (types[i] == NativeColumns.COLUMN_I32) {
            m.read(dataAt[i], (int[]) arrays[i], start, len);
          } else if (types[i] == NativeColumns.COLUMN_I64) {
            m.read(dataAt[i], (long[]) arrays[i], start, len);
          } else {
            readTexts(m, dataAt[i], (String[]) arrays[i], start, len);
          }
        }
        if (len == 0) break;
        Runnable hook = betweenChunks;
        if (hook != null && start + len < n) hook.run();
      }
      out.setFailed(failedTotal);
    } finally {
      if (texts != null) texts.close();
      if (m != ARENA.get()) m.close();
    }
  }

  /** A text input column as NUL-terminated UTF-8 (null entries stay null). */
  private static byte[][] encodeTexts(String[] values, String name) {
    byte[][] bytes = new byte[values.length][];
    for (int k = 0; k < values.length; k++) {
      if (values[k] != null) bytes[k] = Convert.cstring(values[k], "column " + name + "[" + k + "]");
    }
    return bytes;
  }

  /**
   * One chunk of a text input: char*[len] in the block, the strings in
   * {@code spare} (grown when too small). Returns the strings' block.
   */
  private static Memory writeTexts(Memory m, long at, byte[][] bytes, int start, int len,
      Memory spare) {
    long total = 0;
    for (int k = start; k < start + len; k++) {
      if (bytes[k] != null) total += bytes[k].length;
    }
    Memory s = spare;
    if (total > 0 && (s == null || s.size() < total)) {
      if (s != null) s.close();
      s = new Memory(total);
    }
    long[] ptrs = new long[len];
    long base = s == null ? 0 : Pointer.nativeValue(s);
    long off = 0;
    for (int k = 0; k < len; k++) {
      byte[] b = bytes[start + k];
      if (b != null) {
        s.write(off, b, 0, b.length);
        ptrs[k] = base + off;
        off += b.length;
      }
    }
    if (len > 0) m.write(at, ptrs, 0, len);
    return s;
  }

  /** One chunk of a text output: each non-NULL char* read as UTF-8 and freed. */
  private static void readTexts(Memory m, long at, String[] out, int start, int len) {
    if (len == 0) return;
    long[] ptrs = new long[len];
    m.read(at, ptrs, 0, len);
    for (int k = 0; k < len; k++) {
      if (ptrs[k] == 0) {
        out[start + k] = null;
      } else {
        Pointer p = new Pointer(ptrs[k]);
        try {
          out[start + k] = p.getString(0, StandardCharsets.UTF_8.name());
        } finally {
          NativeLib.sipolicy_string_free(p);
        }
      }
    }
  }
}
