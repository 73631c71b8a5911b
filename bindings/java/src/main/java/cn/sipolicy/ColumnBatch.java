package cn.sipolicy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call of {@code sipolicy_batch}: lays the column descriptors, their
 * names and the input data out in one native block, bulk-copies the Java
 * arrays in ({@link Memory#write(long, int[], int, int)}), calls the library
 * once and bulk-copies the outputs back. The block is reused by later calls
 * on the same thread (kept up to {@link #KEEP_BYTES}); no per-record JNI call.
 */
final class ColumnBatch {
  private ColumnBatch() {}

  /** A thread's reusable native block is kept up to this size; larger calls use a one-off block. */
  static final long KEEP_BYTES = 256L << 20;

  private static final ThreadLocal<Memory> ARENA = new ThreadLocal<>();

  private static long align8(long x) {
    return (x + 7) & ~7L;
  }

  private static int typeOf(Object column) {
    if (column instanceof int[]) return NativeColumns.COLUMN_I32;
    if (column instanceof long[]) return NativeColumns.COLUMN_I64;
    return NativeColumns.COLUMN_TEXT;
  }

  private static long bytesOf(int type, int n) {
    return (long) n * (type == NativeColumns.COLUMN_I32 ? 4 : 8);
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
    long size = Math.max(bytes, m == null ? 4096 : Math.min(KEEP_BYTES, m.size() + m.size() / 2));
    if (size > KEEP_BYTES) return new Memory(bytes); // one-off, closed after the call
    if (m != null) m.close();
    m = new Memory(size);
    ARENA.set(m);
    return m;
  }

  /**
   * Runs the batch; fills the output arrays of {@code out} in place and sets
   * its failed count.
   *
   * @throws SipolicyException when the library refuses the call as a whole
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
    int nOut = outs.size();
    byte[] opz = Convert.cstring(op, "op");

    // Layout: [in descriptors][out descriptors][names][in data][out data].
    List<byte[]> names = new ArrayList<>(nIn + nOut);
    long off = (long) (nIn + nOut) * NativeColumns.COLUMN_SIZE;
    long namesAt = off;
    for (String name : ins.keySet()) {
      byte[] z = Convert.cstring(name, "column name " + name);
      names.add(z);
      off += z.length;
    }
    for (String name : outs.keySet()) {
      byte[] z = Convert.cstring(name, "column name " + name);
      names.add(z);
      off += z.length;
    }
    off = align8(off);
    long dataAt = off;
    for (Object c : ins.values()) off += align8(bytesOf(typeOf(c), n));
    for (Object c : outs.values()) off += align8(bytesOf(typeOf(c), n));
    long total = Math.max(off, 8);

    Memory m = block(total);
    List<Memory> texts = new ArrayList<>(); // text inputs' bytes, alive until the call returns
    try {
      long nameOff = namesAt;
      long data = dataAt;
      int i = 0;
      long[] dataOffsets = new long[nIn + nOut];
      for (Map.Entry<String, Object> e : ins.entrySet()) {
        Object c = e.getValue();
        int type = typeOf(c);
        describe(m, i, nameOff, type, data);
        byte[] z = names.get(i);
        m.write(nameOff, z, 0, z.length);
        nameOff += z.length;
        if (type == NativeColumns.COLUMN_I32) {
          m.write(data, (int[]) c, 0, n);
        } else if (type == NativeColumns.COLUMN_I64) {
          m.write(data, (long[]) c, 0, n);
        } else {
          writeTexts(m, data, (String[]) c, e.getKey(), texts);
        }
        dataOffsets[i] = data;
        data += align8(bytesOf(type, n));
        i++;
      }
      for (Map.Entry<String, Object> e : outs.entrySet()) {
        Object c = e.getValue();
        int type = typeOf(c);
        describe(m, i, nameOff, type, data);
        byte[] z = names.get(i);
        m.write(nameOff, z, 0, z.length);
        nameOff += z.length;
        if (type == NativeColumns.COLUMN_TEXT && n > 0) m.setMemory(data, (long) n * 8, (byte) 0);
        dataOffsets[i] = data;
        data += align8(bytesOf(type, n));
        i++;
      }
      long[] failed = new long[1];
      int st = NativeColumns.Batch.sipolicy_batch(
          m.share((long) nIn * NativeColumns.COLUMN_SIZE), nOut, failed, engine, opz, n, m, nIn);
      if (st != Status.OK) throw NativeLib.error(st); // the call wrote nothing
      i = nIn;
      for (Map.Entry<String, Object> e : outs.entrySet()) {
        Object c = e.getValue();
        long at = dataOffsets[i++];
        if (c instanceof int[]) {
          m.read(at, (int[]) c, 0, n);
        } else if (c instanceof long[]) {
          m.read(at, (long[]) c, 0, n);
        } else {
          readTexts(m, at, (String[]) c);
        }
      }
      out.setFailed(failed[0]);
    } finally {
      for (Memory t : texts) t.close();
      if (m != ARENA.get()) m.close();
    }
  }

  private static void describe(Memory m, int index, long nameOff, int type, long dataOff) {
    long at = (long) index * NativeColumns.COLUMN_SIZE;
    m.setPointer(at + NativeColumns.NAME_OFFSET, m.share(nameOff));
    m.setInt(at + NativeColumns.TYPE_OFFSET, type);
    m.setInt(at + NativeColumns.TYPE_OFFSET + 4, 0);
    m.setPointer(at + NativeColumns.DATA_OFFSET, m.share(dataOff));
  }

  /** A text input: char*[n] in the block, the strings in one extra block. */
  private static void writeTexts(Memory m, long at, String[] values, String name,
      List<Memory> keep) {
    int n = values.length;
    byte[][] bytes = new byte[n][];
    long total = 0;
    for (int k = 0; k < n; k++) {
      if (values[k] != null) {
        bytes[k] = Convert.cstring(values[k], "column " + name + "[" + k + "]");
        total += bytes[k].length;
      }
    }
    long[] ptrs = new long[n];
    if (total > 0) {
      Memory s = new Memory(total);
      keep.add(s);
      long base = Pointer.nativeValue(s);
      long off = 0;
      for (int k = 0; k < n; k++) {
        if (bytes[k] != null) {
          s.write(off, bytes[k], 0, bytes[k].length);
          ptrs[k] = base + off;
          off += bytes[k].length;
        }
      }
    }
    if (n > 0) m.write(at, ptrs, 0, n);
  }

  /** A text output: each non-NULL char* read as UTF-8 and freed with sipolicy_string_free. */
  private static void readTexts(Memory m, long at, String[] out) {
    int n = out.length;
    if (n == 0) return;
    long[] ptrs = new long[n];
    m.read(at, ptrs, 0, n);
    for (int k = 0; k < n; k++) {
      if (ptrs[k] == 0) {
        out[k] = null;
      } else {
        Pointer p = new Pointer(ptrs[k]);
        try {
          out[k] = p.getString(0, StandardCharsets.UTF_8.name());
        } finally {
          NativeLib.sipolicy_string_free(p);
        }
      }
    }
  }
}
