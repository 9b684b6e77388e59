package dev.mtasts.benchmarks.tools;

import dev.mtasts.benchmarks.baseline.BaselineAggregator;
import dev.mtasts.benchmarks.data.ReportData;
import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReader;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Measures the heap an aggregation keeps: 100,000 reports over 1,000 keys are generated, read and
 * added one at a time (so no report outlives its {@code add}), then the heap in use after full
 * collections is compared with the heap in use before. Run it in a JVM of its own with {@code
 * -XX:+UseSerialGC}, whose {@code System.gc()} is a full, compacting collection, so the figures
 * are exact to a few KB.
 *
 * <p>Prints TSV rows for {@link ResultTable}: the SDK's accumulator, its immutable snapshot, and
 * the {@code HashMap<String, Long>} baseline. Target: at most 4 MB.
 */
public final class RetainedMemory {

  private static final double MB = 1024.0 * 1024.0;
  private static final double TARGET_MB = 4.0;

  private RetainedMemory() {}

  /**
   * Runs the measurement and prints the rows on standard output.
   *
   * @param args ignored
   * @throws InterruptedException when interrupted between collections
   */
  public static void main(String[] args) throws InterruptedException {
    int reports = ReportData.AGGREGATION_REPORTS;
    int keys = ReportData.AGGREGATION_KEYS;
    // Load and warm every class involved, so that class metadata is not counted as retained.
    sdk(1_000, keys);
    baseline(1_000, keys);

    long retainedAccumulator = retainedByAccumulator(reports, keys);
    long retainedSnapshot = retainedBySnapshot(reports, keys);
    long retainedBaseline = retainedByBaseline(reports, keys);

    String params = "reports=" + reports + " keys=" + keys;
    row("RetainedMemory.accumulator", params, retainedAccumulator, retainedBaseline);
    row("RetainedMemory.snapshot", params, retainedSnapshot, retainedBaseline);
    System.out.printf(
        Locale.ROOT,
        "RetainedMemory.hashMapBaseline\t%s\t%.2f\t\tMiB\t1.00x (baseline)\t\t%n",
        params,
        retainedBaseline / MB);
  }

  // Each measurement runs in a method of its own, so that what it built is unreachable once it
  // returns, whatever the interpreter or JIT keeps alive in a caller's frame.
  private static long retainedByAccumulator(int reports, int keys) throws InterruptedException {
    long before = usedAfterGc();
    ReportSummary.Accumulator acc = sdk(reports, keys);
    long after = usedAfterGc();
    Reference.reachabilityFence(acc);
    return after - before;
  }

  private static long retainedBySnapshot(int reports, int keys) throws InterruptedException {
    long before = usedAfterGc();
    ReportSummary snapshot = sdk(reports, keys).snapshot();
    long after = usedAfterGc();
    if (snapshot.reportCount() != reports) {
      throw new IllegalStateException("expected " + reports + " reports, got " + snapshot);
    }
    Reference.reachabilityFence(snapshot);
    return after - before;
  }

  private static long retainedByBaseline(int reports, int keys) throws InterruptedException {
    long before = usedAfterGc();
    BaselineAggregator agg = baseline(reports, keys);
    long after = usedAfterGc();
    Reference.reachabilityFence(agg);
    return after - before;
  }

  private static void row(String name, String params, long bytes, long baselineBytes) {
    double mb = bytes / MB;
    System.out.printf(
        Locale.ROOT,
        "%s\t%s\t%.2f\t\tMiB\t%.2fx\t<= %.0f MiB\t%s%n",
        name,
        params,
        mb,
        (double) baselineBytes / bytes,
        TARGET_MB,
        mb <= TARGET_MB ? "yes" : String.format(Locale.ROOT, "NO: %.2fx the limit", mb / TARGET_MB));
  }

  private static ReportSummary.Accumulator sdk(int reports, int keys) {
    TlsRptReader reader = TlsRptReader.lenient();
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    for (int i = 0; i < reports; i++) {
      acc.add(reader.read(ReportData.aggregationReport(i, keys, 0).toJsonBytes()).value());
    }
    return acc;
  }

  private static BaselineAggregator baseline(int reports, int keys) {
    TlsRptReader reader = TlsRptReader.lenient();
    BaselineAggregator agg = new BaselineAggregator();
    for (int i = 0; i < reports; i++) {
      agg.add(reader.read(ReportData.aggregationReport(i, keys, 0).toJsonBytes()).value());
    }
    return agg;
  }

  static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    // Several passes, keeping the lowest figure: reference processing and cleaners can free more
    // on a later pass.
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
