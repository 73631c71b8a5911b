package cn.sipolicy;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs every *Test class next to this one with the JUnit Platform Launcher and
 * prints one line "N passed, N failed" (", N skipped" added when a test was
 * skipped by an assumption, each listed with its reason). Exits 1 on any
 * failure (or when no test ran), else 0. Pass -v to list every test.
 */
public final class RunTests {
  private RunTests() {}

  public static void main(String[] args) throws URISyntaxException {
    boolean verbose = args.length > 0 && args[0].equals("-v");
    // Scan the jar or directory holding the tests (jars built without
    // directory entries are invisible to a package selector).
    Path root = Path.of(RunTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClasspathRoots(Set.of(root)))
        .filters(includeClassNamePatterns(".*Test"))
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    TestExecutionListener log = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
          System.out.println("SKIPPED: " + id.getDisplayName() + ": "
              + result.getThrowable().map(Throwable::getMessage).orElse(""));
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
          System.out.println(result.getStatus() + ": " + id.getDisplayName() + " ["
              + id.getUniqueId() + "]");
        } else if (verbose && id.isTest()) {
          System.out.println("ok: " + id.getDisplayName());
        }
      }
    };
    launcher.execute(request, summary, log);
    TestExecutionSummary s = summary.getSummary();
    PrintWriter out = new PrintWriter(System.out, true);
    if (s.getTotalFailureCount() > 0) s.printFailuresTo(out, 12);
    long passed = s.getTestsSucceededCount();
    long failed = s.getTestsFailedCount() + s.getContainersFailedCount();
    long skipped = s.getTestsAbortedCount() + s.getTestsSkippedCount();
    out.println(passed + " passed, " + failed + " failed"
        + (skipped > 0 ? ", " + skipped + " skipped" : ""));
    out.flush();
    System.exit(failed == 0 && passed > 0 ? 0 : 1);
  }
}
