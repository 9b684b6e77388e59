package dev.mtasts.tlsrpt;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code failure-details} (RFC 8460 §4.4): a failure type with the session it
 * happened in and how many sessions failed that way.
 *
 * <p>Fields a sender left out (or sent as {@code ""}, which a lenient reader treats as absent)
 * are {@code null}. Members this library does not know are kept in {@code unknownFields}, each as
 * compact JSON text, so that writing the detail back loses nothing.
 *
 * @param resultType the {@code result-type}
 * @param sendingMtaIp the {@code sending-mta-ip}, or {@code null} when absent (Microsoft omits it
 *     for {@code sts-policy-fetch-error})
 * @param receivingMxHostname the {@code receiving-mx-hostname}, or {@code null} when absent
 * @param receivingMxHelo the optional {@code receiving-mx-helo}
 * @param receivingIp the {@code receiving-ip}, or {@code null} when absent
 * @param failedSessionCount the {@code failed-session-count}, at least 0
 * @param additionalInformation the optional {@code additional-information} URI (also read from
 *     the draft name {@code additional-info-uri})
 * @param failureReasonCode the optional {@code failure-reason-code}
 * @param unknownFields members not defined by RFC 8460: name to compact JSON text
 */
public record FailureDetail(
    ResultType resultType,
    @Nullable String sendingMtaIp,
    @Nullable String receivingMxHostname,
    @Nullable String receivingMxHelo,
    @Nullable String receivingIp,
    long failedSessionCount,
    @Nullable String additionalInformation,
    @Nullable String failureReasonCode,
    Map<String, String> unknownFields) {

  /**
   * Validates the detail and copies the map.
   *
   * @param resultType the {@code resultType} component
   * @param sendingMtaIp the {@code sendingMtaIp} component
   * @param receivingMxHostname the {@code receivingMxHostname} component
   * @param receivingMxHelo the {@code receivingMxHelo} component
   * @param receivingIp the {@code receivingIp} component
   * @param failedSessionCount the {@code failedSessionCount} component
   * @param additionalInformation the {@code additionalInformation} component
   * @param failureReasonCode the {@code failureReasonCode} component
   * @param unknownFields the {@code unknownFields} component
   * @throws IllegalArgumentException when the count is negative
   */
  public FailureDetail {
    Objects.requireNonNull(resultType, "resultType");
    if (failedSessionCount < 0) {
      throw new IllegalArgumentException("failedSessionCount " + failedSessionCount + " < 0");
    }
    unknownFields = Map.copyOf(unknownFields);
  }

  /**
   * Returns a detail with only the usual fields and no unknown members.
   *
   * @param resultType the result type
   * @param sendingMtaIp the sending MTA's IP, or {@code null}
   * @param receivingMxHostname the MX host tried, or {@code null}
   * @param failedSessionCount how many sessions failed this way
   * @return the detail
   */
  public static FailureDetail of(
      ResultType resultType,
      @Nullable String sendingMtaIp,
      @Nullable String receivingMxHostname,
      long failedSessionCount) {
    return new FailureDetail(
        resultType,
        sendingMtaIp,
        receivingMxHostname,
        null,
        null,
        failedSessionCount,
        null,
        null,
        Map.of());
  }

  /**
   * Returns a copy of this detail with another count; used when identical failures are merged.
   *
   * @param count the new count
   * @return the copy
   */
  public FailureDetail withFailedSessionCount(long count) {
    return new FailureDetail(
        resultType,
        sendingMtaIp,
        receivingMxHostname,
        receivingMxHelo,
        receivingIp,
        count,
        additionalInformation,
        failureReasonCode,
        unknownFields);
  }
}
