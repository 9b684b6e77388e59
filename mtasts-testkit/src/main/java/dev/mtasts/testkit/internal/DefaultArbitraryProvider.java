package dev.mtasts.testkit.internal;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.testkit.MtaStsArbitraries;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/**
 * Lets jqwik fill {@code @ForAll MtaStsPolicy policy} (and the other SDK value types) without a
 * {@code @Provide} method, with the arbitraries of {@link MtaStsArbitraries}. Registered through
 * {@code META-INF/services} and {@code module-info}.
 */
public final class DefaultArbitraryProvider implements ArbitraryProvider {
  private static final Map<Class<?>, Supplier<Arbitrary<?>>> DEFAULTS = Map.of(
      MtaStsPolicy.class, MtaStsArbitraries::policies,
      MxPattern.class, MtaStsArbitraries::mxPatterns,
      PolicyId.class, MtaStsArbitraries::policyIds,
      StsRecord.class, MtaStsArbitraries::stsRecords,
      TlsRptRecord.class, MtaStsArbitraries::tlsRptRecords,
      TlsRptReport.class, MtaStsArbitraries::reports);

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public DefaultArbitraryProvider() {}

  @Override
  public boolean canProvideFor(TypeUsage targetType) {
    return DEFAULTS.containsKey(targetType.getRawType());
  }

  @Override
  public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
    return Set.of(Objects.requireNonNull(DEFAULTS.get(targetType.getRawType()), "no default").get());
  }
}
