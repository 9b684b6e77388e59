package dev.mtasts.benchmarks.tools;

import dev.mtasts.benchmarks.data.DiscoveryData;
import dev.mtasts.sender.PolicyDiscovery;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Locale;

/**
 * Measures the heap a policy cache of 10,000 domains keeps (each with its own two-pattern policy
 * and TXT id), as {@link RetainedMemory} does: in a JVM of its own with {@code -XX:+UseSerialGC},
 * the heap in use after full collections before and after filling the cache. Prints a TSV row
 * for {@link ResultTable}. Target: at most 20 MiB.
 */
public final class DiscoveryMemory {
  private static final int DOMAINS = 10_000;
  private static final double MB = 1024.0 * 1024.0;
  private static final double TARGET_MB = 20.0;

  private DiscoveryMemory() {}

  /**
   * Runs the measurement and prints the row on standard output.
   *
   * @param args ignored
   * @throws InterruptedException when interrupted between collections
   */
  public static void main(String[] args) throws InterruptedException {
    fill(100); // load and warm the classes involved
    long retained = retained();
    double mb = retained / MB;
    System.out.printf(Locale.ROOT, "DiscoveryMemory.domains\tdomains=%d\t%.2f\t\tMiB\tno baseline\t<= %.0f MiB\t%s%n",
        DOMAINS, mb, TARGET_MB, mb <= TARGET_MB ? "yes" : String.format(Locale.ROOT, "NO: %.2fx the limit", mb / TARGET_MB));
    System.out.printf(Locale.ROOT, "DiscoveryMemory.perDomain\tdomains=%d\t%.0f\t\tB/domain\t\t\t%n",
        DOMAINS, (double) retained / DOMAINS);
  }

  private static long retained() throws InterruptedException {
    long before = RetainedMemory.usedAfterGc();
    PolicyDiscovery d = fill(DOMAINS);
    long after = RetainedMemory.usedAfterGc();
    if (d.size() != DOMAINS) {
      throw new IllegalStateException("expected " + DOMAINS + " domains, got " + d.size());
    }
    Reference.reachabilityFence(d);
    return after - before;
  }

  private static PolicyDiscovery fill(int n) {
    PolicyDiscovery d = DiscoveryData.discovery(Duration.ofSeconds(60));
    for (int i = 0; i < n; i++) {
      d.policyForBlocking(DiscoveryData.domain(i));
    }
    return d;
  }
}
