package dev.mtasts.policy;

import java.util.List;
import java.util.Objects;

/**
 * What every reader of the SDK returns: the value read and the deviations it accepted.
 *
 * <pre>{@code
 * ParseResult<MtaStsPolicy> r = PolicyParser.lenient().parse(body);
 * r.warnings().forEach(w -> log.warn("mta-sts.txt {}", w));
 * MtaStsPolicy policy = r.value();
 * }</pre>
 *
 * @param <T> the type of the value, such as {@link MtaStsPolicy}
 * @param value the value
 * @param warnings the accepted deviations in document order; empty for a clean input
 */
public record ParseResult<T>(T value, List<Warning> warnings) {
  /**
   * Validates and copies the components.
   *
   * @param value the value
   * @param warnings the warnings
   */
  public ParseResult {
    Objects.requireNonNull(value, "value");
    warnings = List.copyOf(warnings);
  }
}
