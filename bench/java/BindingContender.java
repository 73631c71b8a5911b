import cn.sipolicy.Columns;
import cn.sipolicy.Engine;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * "java_binding": the Java binding's columnar batch, as an integrator running
 * batch after batch calls it: {@code Columns in = new Columns(n).put("region",
 * int[])...; engine.batch(op, in, out); out.longs("due")}, the output columns
 * allocated once per operation ({@code Columns.forOutputs}) and reused by every
 * later batch, as the C ABI contender reuses its output arrays. Compiled only
 * when the binding has cn.sipolicy.Columns; SipolicyBench loads it by name.
 * The timed call includes building the input Columns, the binding's copies in
 * and out of native memory, and reading the outputs back.
 */
public final class BindingContender implements SipolicyBench.Batch {
  private static final Set<String> INT_OUTPUTS = Set.of("status", "eligible", "reasons", "payee");
  private final Engine engine = Engine.create();
  private final Map<String, Columns> reused = new HashMap<>(); // operation -> its output columns

  @Override
  public Map<String, Object> batch(String op, int n, Map<String, Object> inputs, String[] outputs) {
    Columns in = new Columns(n);
    for (Map.Entry<String, Object> e : inputs.entrySet()) {
      if (e.getValue() instanceof int[] a) {
        in.put(e.getKey(), a);
      } else {
        in.put(e.getKey(), (long[]) e.getValue());
      }
    }
    Columns out = reused.get(op);
    if (out == null || out.size() != n || !out.names().equals(Set.of(outputs))) {
      out = Columns.forOutputs(n, outputs);
      reused.put(op, out);
    }
    engine.batch(op, in, out);
    Map<String, Object> res = new LinkedHashMap<>();
    for (String name : outputs) {
      res.put(name, INT_OUTPUTS.contains(name) ? out.ints(name) : out.longs(name));
    }
    return res;
  }

  @Override
  public void close() {
    engine.close();
  }
}
