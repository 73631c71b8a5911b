package cn.sipolicy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The typed batches of {@link Engine#batch(List, boolean, boolean)}: every
 * request written as one JSON line, one sipolicy_eval_jsonl call for them
 * all, and the result lines read back in order. A record this binding cannot
 * write (null, or a value it rejects) gets its error item and is not sent.
 */
final class JsonBatch {
  private JsonBatch() {}

  static <R> List<BatchItem<R>> run(Engine engine, List<? extends Request<R>> requests,
      boolean explain, boolean fullRules) {
    Objects.requireNonNull(requests, "requests must not be null");
    List<Request<R>> reqs = new ArrayList<>(requests);
    int n = reqs.size();
    List<BatchItem<R>> items = new ArrayList<>(Collections.nCopies(n, null));
    int[] sent = new int[n];
    int m = 0;
    StringBuilder sb = new StringBuilder((int) Math.min((long) n * 160 + 16, 1 << 24));
    for (int i = 0; i < n; i++) {
      Request<R> q = reqs.get(i);
      if (q == null) {
        items.set(i, BatchItem.failed(i,
            new SipolicyError("invalid_argument", "", "record " + i + " is null")));
        continue;
      }
      int mark = sb.length();
      try {
        Ops.write(q, explain, fullRules, i, sb);
      } catch (IllegalArgumentException e) {
        sb.setLength(mark);
        items.set(i,
            BatchItem.failed(i, new SipolicyError("invalid_argument", "", e.getMessage())));
        continue;
      }
      sb.append('\n');
      sent[m++] = i;
    }
    if (m > 0) {
      String out = engine.callJsonLines(sb.toString());
      sb = null;
      int from = 0;
      for (int k = 0; k < m; k++) {
        int nl = out.indexOf('\n', from);
        if (nl < 0) {
          throw new InternalException("internal", "sipolicy_eval_jsonl returned " + k
              + " result lines for " + m + " requests", "");
        }
        int i = sent[k];
        items.set(i, Ops.read(reqs.get(i), i, out.substring(from, nl), true));
        from = nl + 1;
      }
      if (from != out.length()) {
        throw new InternalException("internal",
            "sipolicy_eval_jsonl returned more result lines than requests", "");
      }
    }
    return Collections.unmodifiableList(items);
  }
}
